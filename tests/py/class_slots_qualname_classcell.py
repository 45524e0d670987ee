class Meta(type):
    def __new__(cls, name, bases, namespace, attr):
        assert attr in namespace, attr
        return super().__new__(cls, name, bases, namespace)
class C1:
    def __init__(self):
        self.b = 42
class C2(C1, metaclass=Meta, attr="__classcell__"):
    __slots__ = ["__classcell__"]
    def __init__(self):
        super().__init__()
print(type(C2.__dict__["__classcell__"]).__name__)
c = C2()
print(c.b, hasattr(c, "__classcell__"))
c.__classcell__ = 42
print(c.__classcell__)
try:
    class C3:
        __classcell__ = 42
        __slots__ = ["__classcell__"]
except TypeError as e:
    print("TypeError", e)
class Q1(metaclass=Meta, attr="__qualname__"):
    __slots__ = ["__qualname__"]
print(Q1.__qualname__, type(Q1.__dict__["__qualname__"]).__name__)
q = Q1()
print(hasattr(q, "__qualname__"))
q.__qualname__ = "q"
print(q.__qualname__)
try:
    class Q2:
        __qualname__ = object()
        __slots__ = ["__qualname__"]
except TypeError as e:
    print("TypeError", e)
