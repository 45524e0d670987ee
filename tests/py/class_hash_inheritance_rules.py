class A:
    def __hash__(self):
        return 1
class B(A):
    def __eq__(self, o):
        return True
class C(A):
    def __eq__(self, o):
        return True
    __hash__ = A.__hash__
class D:
    __hash__ = None
print(A.__hash__ is not None, B.__hash__, C.__hash__ is A.__hash__, D.__hash__)
for cls in [A, B, C, D]:
    try:
        print(cls.__name__, hash(cls()))
    except TypeError as e:
        print(cls.__name__, e)
class E(int):
    def __eq__(self, o):
        return super().__eq__(o)
try:
    hash(E(1))
except TypeError as e:
    print(e)
