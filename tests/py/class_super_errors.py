class A:
    def f(self):
        return "A.f"
class B(A):
    def f(self):
        return super().f()
def standalone():
    return super().f()
try:
    standalone()
except RuntimeError as e:
    print(e)
try:
    super(B, 5)
except TypeError as e:
    print(e)
print(super(B, B()).f(), super(A, B()).__class__.__name__)
try:
    super(A, B()).f()
except AttributeError as e:
    print(e)
