# A dunder assigned on a base reaches subclasses that inherit it, not those that override it.
class Base:
    def __init__(self, x):
        self.x = x


class Child(Base):
    pass


class GrandChild(Child):
    pass


class Own(Base):
    def __add__(self, other):
        return "Own.__add__"


Base.__add__ = lambda a, b: ("Base.__add__", a.x + b.x)
print(Child(1) + Child(2))
print(GrandChild(3) + Base(4))
print(Own(1) + Own(2))
Child.__add__ = lambda a, b: "Child.__add__"
print(GrandChild(1) + GrandChild(2), Base(1) + Base(2))
del Child.__add__
print(GrandChild(1) + GrandChild(2))
del Base.__add__
for cls in (Base, Child, GrandChild):
    try:
        cls(1) + cls(2)
    except TypeError as e:
        print("TypeError:", e)
print(Own(1) + Own(2))

Base.__repr__ = lambda self: f"<{type(self).__name__} {self.x}>"
print([Base(1), Child(2), GrandChild(3), Own(4)])
GrandChild.__repr__ = lambda self: "gc"
print([Child(2), GrandChild(3)])
del Base.__repr__
print(repr(Child(2)).startswith("<__main__.Child object"), repr(GrandChild(3)))


# Builtin bases: deleting the override gives the builtin slot back.
class MyInt(int):
    pass


MyInt.__add__ = lambda a, b: "patched"
print(MyInt(2) + 3, 3 + MyInt(2))
del MyInt.__add__
print(MyInt(2) + 3, type(MyInt(2) + 3).__name__)
MyInt.__neg__ = lambda self: "neg"
print(-MyInt(5))
del MyInt.__neg__
print(-MyInt(5))
MyInt.__repr__ = lambda self: "MyInt!"
print(repr(MyInt(1)), [MyInt(1)])
del MyInt.__repr__
print(repr(MyInt(1)))


class MyList(list):
    pass


MyList.__len__ = lambda self: 99
print(len(MyList([1, 2])))
del MyList.__len__
print(len(MyList([1, 2])))
MyList.__getitem__ = lambda self, i: ("item", i)
print(MyList([1])[5])
del MyList.__getitem__
print(MyList([1, 2])[1])


# Mixins: the first class of the MRO that defines the dunder wins.
class Mixin:
    pass


class Combined(Mixin, Base):
    pass


Base.__str__ = lambda self: "Base.__str__"
print(str(Combined(1)))
Mixin.__str__ = lambda self: "Mixin.__str__"
print(str(Combined(1)), str(Base(1)))
del Mixin.__str__
print(str(Combined(1)))


# __eq__ assigned later does not make the class unhashable (only a class body's does).
class H:
    pass


H.__eq__ = lambda a, b: True
print(H() == H(), isinstance(hash(H()), int))
H.__hash__ = None
try:
    hash(H())
except TypeError as e:
    print("TypeError:", e)
del H.__hash__
print(isinstance(hash(H()), int))


class Unhashable:
    def __eq__(self, other):
        return True


print(Unhashable.__hash__)
Unhashable.__hash__ = lambda self: 7
print(hash(Unhashable()))
