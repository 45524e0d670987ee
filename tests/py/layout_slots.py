# __slots__: members at fixed offsets, no __dict__, CPython's messages.
class Point:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

p = Point(1, 2)
print(p.x, p.y, Point.x, type(Point.x).__name__, Point.x.__name__)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.__dict__
except AttributeError as e:
    print("AttributeError:", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)
del p.y
try:
    p.y
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.y
except AttributeError as e:
    print("AttributeError:", e)
p.y = 7
print(p.y, getattr(p, "y"), hasattr(p, "z"))

# A string __slots__ is one name; private names are mangled; names are sorted in the class dict.
class One:
    __slots__ = "only"

class Priv:
    __slots__ = ("__secret", "b", "a")

    def __init__(self):
        self.__secret = 42

    def reveal(self):
        return self.__secret

print(list(k for k in vars(One) if not k.startswith("__")))
print([k for k in vars(Priv) if not k.startswith("__")], Priv().reveal())
print(Priv._Priv__secret)

# __dict__ among the slots gives a dict; __weakref__ is accepted.
class WithDict:
    __slots__ = ("a", "__dict__", "__weakref__")

w = WithDict()
w.a = 1
w.other = 2
print(w.a, w.__dict__)

# Subclasses: without __slots__ they get a __dict__; with __slots__ they add members.
class Sub(Point):
    pass

s = Sub(1, 2)
s.z = 3
print(s.x, s.y, s.__dict__)

class Sub3(Point):
    __slots__ = ("z",)

s3 = Sub3(4, 5)
s3.z = 6
print(s3.x, s3.y, s3.z)
try:
    s3.w = 1
except AttributeError as e:
    print("AttributeError:", e)

class Empty:
    __slots__ = ()

try:
    Empty().a = 1
except AttributeError as e:
    print("AttributeError:", e)

# Errors while making the class.
cases = [
    ("items", (1,)),
    ("identifier", ("not valid",)),
    ("digits", ("1a",)),
]
for label, slots in cases:
    try:
        type("Bad", (), {"__slots__": slots})
    except TypeError as e:
        print(label, "TypeError:", e)
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print("ValueError:", e)
try:
    class TwoDicts(WithDict):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError:", e)
try:
    class DictAgain(Sub):
        __slots__ = ("__dict__",)
except TypeError as e:
    print("TypeError:", e)
try:
    class IntSlots(int):
        __slots__ = ("a",)
except TypeError as e:
    print("TypeError:", e)

class IntNoSlots(int):
    __slots__ = ()

try:
    IntNoSlots(3).a = 1
except AttributeError as e:
    print("AttributeError:", e)

class A:
    __slots__ = ("a",)

class B:
    __slots__ = ("b",)

try:
    class AB(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)

# The member descriptor checks its instance.
try:
    Point.x.__get__(A())
except TypeError as e:
    print("TypeError:", e)
try:
    Point.x.__set__(1, 2)
except TypeError as e:
    print("TypeError:", e)
print(repr(Point.y), Point.x.__get__(None, Point) is Point.x)
print(Point.x.__objclass__ is Point)

# A data descriptor (a member) wins over a class attribute set later on a subclass instance.
class Base:
    __slots__ = ("v",)

class Kid(Base):
    pass

k = Kid()
k.v = 1
k.__dict__["v"] = 2
print(k.v, k.__dict__)
