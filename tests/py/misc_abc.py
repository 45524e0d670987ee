import abc
from abc import ABC, ABCMeta, abstractmethod


class Shape(ABC):
    @abstractmethod
    def area(self): ...

    @abstractmethod
    def name(self): ...

    def describe(self):
        return f"{self.name()} of area {self.area()}"


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side ** 2

    def name(self):
        return "square"


class Half(Shape):
    def area(self):
        return 0


for cls in (Shape, Half):
    try:
        cls()
    except TypeError as e:
        print(e)
print(Square(3).describe(), sorted(Shape.__abstractmethods__), Square.__abstractmethods__)
print(isinstance(Square(1), Shape), issubclass(Square, Shape), issubclass(int, Shape))


class Sized(metaclass=ABCMeta):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Sized:
            return any("__len__" in B.__dict__ for B in C.__mro__)
        return NotImplemented


print(isinstance([], Sized), isinstance(1, Sized), issubclass(dict, Sized))


class Registered(ABC):
    pass


print(issubclass(tuple, Registered), Registered.register(tuple) is tuple, issubclass(tuple, Registered))
print(isinstance((1,), Registered), isinstance([], Registered))
try:
    Registered.register(1)
except TypeError as e:
    print(e)


class Sub(Registered):
    pass


try:
    Sub.register(Registered)
except RuntimeError as e:
    print(e)
print(type(ABC), type(Shape).__name__, abc.get_cache_token() >= 1)


class P(ABC):
    @property
    @abstractmethod
    def value(self): ...


class Q(P):
    value = 5


print(Q().value, P.__abstractmethods__)


class Later(ABC):
    def f(self): ...


Later.f = abstractmethod(lambda self: None)
abc.update_abstractmethods(Later)
try:
    Later()
except TypeError as e:
    print(e)
