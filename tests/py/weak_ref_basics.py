# _weakref.ref / proxy: identity sharing, counts, hash and equality, repr shapes, errors.
import _weakref


class C:
    def m(self):
        return 5

    def __len__(self):
        return 3

    def __add__(self, other):
        return "add"

    def __getitem__(self, k):
        return k * 2

    def __iter__(self):
        return iter([1, 2])

    def __contains__(self, x):
        return x == 7


c = C()
r0 = _weakref.ref(c)
print(r0 is _weakref.ref(c), r0() is c, type(r0).__name__ if False else type(r0))
r1 = _weakref.ref(c, lambda r: None)
print(r1 is not r0, _weakref.getweakrefcount(c), [x is r0 for x in _weakref.getweakrefs(c)])
print(_weakref.ReferenceType is _weakref.ref, _weakref.ref.__module__)
print(repr(r0).split(" at ")[0], repr(r0).split(";")[1].split(" at")[0])


def f():
    pass


rf = _weakref.ref(f)
print(repr(rf).split(";")[1].split(" at")[0], repr(rf).endswith("(f)>"))

# hash and equality follow the referent while it lives
print(r0 == r1, r0 != r1, hash(r0) == hash(c), r0.__callback__, callable(r1.__callback__))
try:
    r0 < r1
except TypeError as e:
    print("TypeError:", e)
try:
    r0(1)
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref.ref()
except TypeError as e:
    print("TypeError:", e)
try:
    _weakref.ref(c, None, 3)
except TypeError as e:
    print("TypeError:", e)

# proxies forward
p = _weakref.proxy(c)
print(type(p), len(p), p + 1, p.m(), p[4], list(p), 7 in p, 8 in p)
print(repr(p).split(" at ")[0], repr(p).split(";")[1].split(" at")[0])
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
p.attr = 11
print(c.attr, p.attr)
del p.attr
print(hasattr(c, "attr"))
print(type(_weakref.proxy(f)), _weakref.proxy(f)() is None)
print(_weakref.proxy(c) is p, _weakref.getweakrefcount(c))

# after the referent dies
h = hash(r0)
del c
print(r0(), r1(), r0 == r1, r0 != r1, hash(r0) == h)
print(repr(r0).split(";")[1])
d = C()
rd = _weakref.ref(d)
del d
try:
    hash(rd)
except TypeError as e:
    print("TypeError:", e)
for op in (lambda: p.m, lambda: str(p), lambda: len(p), lambda: p + 1):
    try:
        op()
    except ReferenceError as e:
        print("ReferenceError:", e)

# _remove_dead_weakref
e = C()
live = _weakref.ref(e)
dd = {"dead": rd, "live": live}
_weakref._remove_dead_weakref(dd, "dead")
_weakref._remove_dead_weakref(dd, "live")
_weakref._remove_dead_weakref(dd, "missing")
print(sorted(dd))
