class A:
    def __add__(self, o):
        print("A.__add__")
        return NotImplemented
class B:
    def __radd__(self, o):
        print("B.__radd__")
        return "B handled"
print(A() + B())
try:
    A() + A()
except TypeError as e:
    print(e)
class SubInt(int):
    def __radd__(self, o):
        return "SubInt radd first"
print(1 + SubInt(2))
try:
    [] - []
except TypeError as e:
    print(e)
try:
    {} + {}
except TypeError as e:
    print(e)
try:
    -[]
except TypeError as e:
    print(e)
try:
    1 < "a"
except TypeError as e:
    print(e)
try:
    None > None
except TypeError as e:
    print(e)
