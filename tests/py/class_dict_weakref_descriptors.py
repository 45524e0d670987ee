# A class whose instances gain a __dict__ or weak references gets `__dict__` and
# `__weakref__` getset descriptors in its own dict (CPython's subtype_getsets_full); its
# subclasses find them through the MRO.


class C:
    x = 1


print(list(C.__dict__))
d, w = C.__dict__["__dict__"], C.__dict__["__weakref__"]
print(d, w, type(d).__name__, type(w).__name__)
print(d.__name__, d.__qualname__, d.__objclass__, d.__doc__)
print(w.__name__, w.__qualname__, w.__objclass__, w.__doc__)


class D(C):
    pass


print(list(D.__dict__), "__dict__" in D.__dict__, D.__dict__.get("__weakref__"))


class S:
    __slots__ = ("a", "__dict__")


class SW:
    __slots__ = ("__weakref__",)


print(list(S.__dict__), list(SW.__dict__))


class E(Exception):
    pass


class L(list):
    pass


class T(tuple):
    pass


print(list(E.__dict__), list(L.__dict__), list(T.__dict__))

c = C()
d.__set__(c, {"z": 5})
print(c.z, d.__get__(c), vars(c))
c.__dict__ = {"y": 2}
print(vars(c), hasattr(c, "z"))
del c.__dict__
print(vars(c))
print(w.__get__(c))
for bad in (lambda: d.__get__(1), lambda: d.__set__(c, 5), lambda: w.__set__(c, None), lambda: d.__set__(1, {})):
    try:
        bad()
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__, exc)
print(d.__get__(None, C) is d)
