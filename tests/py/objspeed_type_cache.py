# Class attribute lookups stay right while classes change (the type attribute cache).
import gc
import _weakref as weakref


class Base:
    def m(self):
        return "Base.m"

    x = 1


class Mid(Base):
    pass


class Leaf(Mid):
    pass


def many(obj, name, n=60):
    # Enough repetitions for the loads to specialise and for lookups to be cached.
    return {getattr(obj, name) for _ in range(n)}


leaf = Leaf()
print("start", leaf.m(), Leaf.x, many(Leaf, "x"))

# setattr on a base reaches every class below it.
for i in range(3):
    Base.x = i * 10
    print("base x", i, [Leaf.x for _ in range(40)][-1], many(leaf, "x"))

# A subclass shadows, then stops shadowing.
Mid.x = "mid"
print("mid shadow", many(Leaf, "x"))
del Mid.x
print("mid deleted", many(Leaf, "x"))

# Methods replaced and deleted.
Base.m = lambda self: "new m"
print("replaced", [leaf.m() for _ in range(40)][-1])
del Base.m
try:
    leaf.m()
except AttributeError as e:
    print("deleted:", e)


# A method deleted from its class is not kept alive by any cache.
class Holder:
    pass


def f(self):
    return "f"


Holder.f = f
h = Holder()
print([h.f() for _ in range(50)][-1])
ref = weakref.ref(f)
del Holder.f, f
gc.collect()
print("function freed:", ref() is None)


# A name that is found nowhere, then is defined.
class Missing:
    pass


mo = Missing()
print([hasattr(mo, "late") for _ in range(40)][-1])
Missing.late = 5
print([hasattr(mo, "late") for _ in range(40)][-1], mo.late)

# Lookups by a name made at run time (not interned).
name = "".join(["l", "a", "t", "e"])
print("runtime name", [getattr(mo, name) for _ in range(40)][-1])
Missing.late = 6
print("runtime name after", [getattr(mo, name) for _ in range(40)][-1])


# __bases__ assignment changes what the MRO finds.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class C(A):
    pass


c = C()
print([c.who() for _ in range(40)][-1])
C.__bases__ = (B,)
print([c.who() for _ in range(40)][-1], [k.__name__ for k in C.__mro__])
B.who = lambda self: "B2"
print([c.who() for _ in range(40)][-1])


# A metaclass __setattr__ that stores through type.__setattr__.
class Meta(type):
    def __setattr__(cls, name, value):
        super().__setattr__(name, value * 2)


class WithMeta(metaclass=Meta):
    v = 1


print([WithMeta.v for _ in range(40)][-1])
WithMeta.v = 21
print([WithMeta.v for _ in range(40)][-1], [WithMeta().v for _ in range(40)][-1])


# A metaclass __setattr__ that refuses: nothing changes.
class Frozen(type):
    def __setattr__(cls, name, value):
        raise AttributeError(f"frozen {name}")


class Ice(metaclass=Frozen):
    v = "ice"


try:
    Ice.v = "water"
except AttributeError as e:
    print(e, [Ice.v for _ in range(40)][-1])


# __init__ reassigned after instances were made.
class Point:
    def __init__(self, x):
        self.x = x


pts = [Point(i) for i in range(40)]
Point.__init__ = lambda self, x: setattr(self, "x", -x)
print(pts[-1].x, [Point(i).x for i in range(40)][-1])
del Point.__init__
try:
    Point(1)
except TypeError as e:
    print("TypeError:", e)


# super() after the MRO changed.
class P1:
    def area(self):
        return 1


class P2:
    def area(self):
        return 2


class Sq(P1):
    def area(self):
        return super().area() + 10


s = Sq()
print([s.area() for _ in range(40)][-1])
Sq.__bases__ = (P2,)
print([s.area() for _ in range(40)][-1])
P2.area = lambda self: 3
print([s.area() for _ in range(40)][-1])


# __class__ assignment: the instance's lookups follow its new class.
class K1:
    def k(self):
        return "K1"


class K2:
    def k(self):
        return "K2"


k = K1()
print([k.k() for _ in range(40)][-1])
k.__class__ = K2
print([k.k() for _ in range(40)][-1])


# Dunder lookups (the slot wrappers look their dunder up in the MRO).
class R:
    def __repr__(self):
        return "R1"


r = R()
print([repr(r) for _ in range(40)][-1])
R.__repr__ = lambda self: "R2"
print([repr(r) for _ in range(40)][-1])
del R.__repr__
print(repr(r).startswith("<__main__.R object"))


# A class whose mro() override looks names up while the class is being built.
class LookingMeta(type):
    def mro(cls):
        getattr(cls, "probe", None)
        return super().mro()


class Looked(metaclass=LookingMeta):
    probe = "kept"


print(Looked.probe, Looked.__doc__)
