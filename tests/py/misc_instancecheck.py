# isinstance/issubclass through __instancecheck__/__subclasscheck__, __class__ and __bases__.
class Meta(type):
    def __instancecheck__(cls, inst):
        print("instancecheck", cls.__name__, type(inst).__name__)
        return isinstance(inst, (int, str))
    def __subclasscheck__(cls, sub):
        print("subclasscheck", cls.__name__, sub.__name__)
        return super().__subclasscheck__(sub) or sub is float

class Anything(metaclass=Meta):
    pass

class Child(Anything):
    pass

print(isinstance(3, Anything), isinstance([], Anything), isinstance(Anything(), Anything))
print(issubclass(float, Anything), issubclass(Child, Anything), issubclass(list, Anything))
print(isinstance(3, (list, Anything)), issubclass(bool, (Anything, str)))

class Truthy(type):
    def __instancecheck__(cls, inst):
        return "yes"
class T(metaclass=Truthy): pass
print(isinstance(None, T))

class Raiser(type):
    def __instancecheck__(cls, inst):
        raise ValueError("no checking")
class R(metaclass=Raiser): pass
try:
    isinstance(1, R)
except ValueError as e:
    print("raised", e)

class Proxy:
    def __init__(self, target):
        self._target = target
    @property
    def __class__(self):
        return type(self._target)
p = Proxy([1])
print(isinstance(p, list), isinstance(p, Proxy), type(p).__name__)

class FakeClass:
    def __init__(self, *bases):
        self.__bases__ = bases
Base = FakeClass()
Derived = FakeClass(Base)
print(issubclass(Derived, Base), issubclass(Base, Derived), issubclass(Derived, Derived))

print(type.__instancecheck__(int, 3), type.__subclasscheck__(int, bool), int.__instancecheck__("x"))
for args in [(1, 1), (1, "x"), ([], (int, 2))]:
    try:
        isinstance(*args)
    except TypeError as e:
        print("isinstance:", e)
for args in [(1, int), (int, 1), (int, (str, 1))]:
    try:
        issubclass(*args)
    except TypeError as e:
        print("issubclass:", e)
deep = int
for _ in range(100):
    deep = (deep,)
print(isinstance(1, deep))
