# A metaclass that overrides mro() decides the MRO of the classes it makes (CPython's
# mro_invoke), and its result is checked.


class Reversing(type):
    def mro(cls):
        default = super().mro()
        print("mro() called for", cls.__name__, [c.__name__ for c in default])
        return [default[0]] + list(reversed(default[1:-1])) + [default[-1]]


class A:
    def who(self):
        return "A"


class B:
    def who(self):
        return "B"


class C(A, B, metaclass=Reversing):
    pass


print([k.__name__ for k in C.__mro__])
print(C().who())
print(type.mro(C) == [C, A, B, object])


class Skipping(type):
    def mro(cls):
        return (cls, object)


class D(A, metaclass=Skipping):
    pass


print(D.__mro__, hasattr(D(), "who"))


class Tuple(type):
    def mro(cls):
        return iter([cls, int, object])


class E(int, metaclass=Tuple):
    pass


print(E.__mro__, E(5) + 1)


def attempt(meta_mro, bases=()):
    Meta = type("Meta", (type,), {"mro": meta_mro})
    try:
        cls = Meta("X", bases, {})
        print("ok", cls.__mro__)
    except TypeError as exc:
        print("TypeError:", exc)


attempt(lambda cls: [])
attempt(lambda cls: [cls, 1, object])
attempt(lambda cls: [cls, int, object])
attempt(lambda cls: 5)
attempt(lambda cls: [cls, object, A])
