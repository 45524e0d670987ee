# LOAD_SUPER_ATTR_ATTR / LOAD_SUPER_ATTR_METHOD: hits, and misses after the specialisation
# (a rebound `super`, a reassigned method, a changed __class__, a changed MRO).


class Base:
    tag = "base"

    def m(self, x):
        return ("Base.m", x)

    @property
    def p(self):
        return "Base.p"

    @classmethod
    def cm(cls):
        return ("Base.cm", cls.__name__)

    @staticmethod
    def sm(x):
        return ("Base.sm", x)


class Derived(Base):
    def m(self, x):
        return super().m(x + 1)

    def attr(self):
        return super().m

    def prop(self):
        return super().p

    def plain(self):
        return super().tag

    @classmethod
    def cm(cls):
        return super().cm()

    def sm_call(self):
        return super().sm(7)

    def two_arg(self):
        return super(Derived, self).m(100)

    def missing(self):
        return super().nope


d = Derived()
out = []
for i in range(60):
    out.append(d.m(i))
    bound = d.attr()
    out.append((bound.__name__, bound.__self__ is d, bound(i)))
    out.append(d.prop())
    out.append(d.plain())
    out.append(Derived.cm())
    out.append(d.cm())
    out.append(d.sm_call())
    out.append(d.two_arg())
print(len(out), out[:9], out[-9:])

# A reassigned base method is found after the specialisation.
Base.m = lambda self, x: ("lambda", x)
print([d.m(i) for i in range(3)], d.attr()(5))
Base.tag = "new tag"
print(d.plain())

# An attribute that is missing raises AttributeError, hit or miss.
for i in range(60):
    try:
        d.missing()
    except AttributeError as e:
        msg = str(e)
print(msg)


# A rebound `super` (the builtin replaced) is called as written.
class FakeSuper:
    def __init__(self, *args):
        self.args = args

    def __getattr__(self, name):
        return lambda *a: ("fake", name, len(self.args), a)


def use_fake():
    return [d.m(i) for i in range(3)]


import builtins

real_super = builtins.super
builtins.super = FakeSuper
print(use_fake())
builtins.super = real_super
print(d.m(1))


# A changed __class__: the instance is no longer a Derived.
class Other:
    pass


class Victim(Base):
    def m(self, x):
        return super().m(x)


v = Victim()
for i in range(60):
    v.m(i)
v.__class__ = Other
try:
    Victim.m(v, 1)
except TypeError as e:
    print("TypeError", e)


# A changed MRO (__bases__ assignment) after the specialisation.
class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class C(A):
    def who(self):
        return "C>" + super().who()


c = C()
print([c.who() for i in range(60)][-1])
C.__bases__ = (B,)
print(c.who())


# super() in a loop over several classes (a polymorphic site).
class K1(Base):
    def m(self, x):
        return ("K1", x)


class K2(K1):
    def m(self, x):
        return super().m(x)


class K3(Base):
    def m(self, x):
        return ("K3", x)


class K4(K3):
    def m(self, x):
        return super().m(x)


def call_parent(objs):
    return [super(type(o), o).m(1) for o in objs]


print(call_parent([K2(), K4()] * 40)[-4:])


# Slot wrappers found through super(): called unbound with the receiver (a method load) or
# bound (an attribute load).
class E(Exception):
    def __init__(self, c):
        super().__init__(c, "x")
        self.c = c


print([E(i).args for i in range(60)][-1])


class W:
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)

    def __repr__(self):
        return "W!" + super().__repr__()[:3]

    def get_init(self):
        return super().__init__


w = W()
for i in range(60):
    w.a = i
print(w.a, repr(w), [w.get_init()() for i in range(60)][-1])


class Meta(type):
    def __call__(cls, *a):
        return ("Meta.__call__", super().__call__(*a).__class__.__name__)


class WithMeta(metaclass=Meta):
    pass


print([WithMeta() for i in range(60)][-1])
