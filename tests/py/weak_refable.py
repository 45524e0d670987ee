# Which objects accept weak references (CPython 3.13's list), and __weakref__ on classes.
import _weakref
import sys


def f():
    pass


def g():
    yield


class C:
    def meth(self):
        pass


class S:
    __slots__ = ("a",)


class SW:
    __slots__ = ("a", "__weakref__")


class I(int):
    pass


class T(tuple):
    pass


class L(list):
    pass


class St(str):
    pass


class E(Exception):
    pass


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


cands = dict(
    int=1, str="s", tuple=(), list=[], dict={}, set=set(), frozenset=frozenset(), func=f, type=int,
    gen=g(), code=f.__code__, bound_method=C().meth, builtin=len, bound_builtin=[].append, module=sys,
    obj=object(), C=C(), S=S(), SW=SW(), I=I(), T=T(), L=L(), St=St(), E=E(), exc=ValueError(),
    bytearray=bytearray(), float=1.0, complex=1j, range=range(1), slice=slice(1), prop=property(),
    none=None, bool=True, memoryview=memoryview(b""), ref=_weakref.ref(f), class_=C, meta_class=WithMeta,
)
for k, v in cands.items():
    try:
        r = _weakref.ref(v)
        print(k, "yes", r() is v)
    except TypeError as e:
        print(k, e)

print(C.__weakref__)
c = C()
print(c.__weakref__)
r = _weakref.ref(c)
print(c.__weakref__ is r)
print(hasattr(S(), "__weakref__"), SW().__weakref__)
try:
    class Twice(SW):
        __slots__ = ("__weakref__",)
except TypeError as e:
    print("TypeError:", e)
