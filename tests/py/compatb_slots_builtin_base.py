import gc, _weakref
for base in (int, bytes, tuple, list, dict, str, float, set, Exception, bytearray, complex, frozenset, type):
    try:
        class P(base):
            __slots__ = ('a',)
        print(base.__name__, "ok", hasattr(P, '__dict__') and '__dict__' in P.__dict__, type(P.__dict__.get('a')).__name__)
    except TypeError as e:
        print(base.__name__, "TE", e)

class L(list):
    __slots__ = ('a', 'b')
l = L([1, 2])
l.a = 5
print(l, l.a, L.a, hasattr(l, '__dict__'))
try:
    l.c = 1
except AttributeError as e:
    print("AE", e)
try:
    l.b
except AttributeError as e:
    print("AE", e)
del l.a
try:
    del l.a
except AttributeError as e:
    print("AE", e)

class D(dict):
    __slots__ = ('x',)
d = D(k=1)
d.x = [d]
print(d, d.x is not None, len(gc.get_referents(d)))
try:
    d.y = 2
except AttributeError as e:
    print("AE", e)

class F(float):
    __slots__ = ('unit',)
f = F(1.5)
f.unit = "m"
print(f, f.unit, f + 1)

class E(Exception):
    __slots__ = ('code',)
e = E("boom")
e.code = 3
print(repr(e), e.code, hasattr(e, '__dict__'))

class I0(int):
    __slots__ = ()
print(I0(5), hasattr(I0(5), '__dict__'))
class T0(tuple):
    __slots__ = ()
print(T0((1,2)))
class S(str):
    __slots__ = ('tag',)
s = S("hi"); s.tag = 1
print(s, s.tag, s.upper())
class LL(L):
    __slots__ = ('c',)
ll = LL(); ll.a = 1; ll.c = 2
print(ll.a, ll.c, hasattr(ll, '__dict__'))
class LW(list):
    __slots__ = ('__weakref__', 'z')
import _weakref
lw = LW(); wr = _weakref.ref(lw)
print(wr() is lw)
class LD(list):
    __slots__ = ('__dict__', 'z')
ld = LD(); ld.q = 1; ld.z = 2
print(ld.__dict__, ld.z)
# cycles through slot members are collected
class Node(list):
    __slots__ = ('peer',)
a, b = Node(), Node()
a.peer, b.peer = b, a
wa = _weakref.ref(a) if False else None
del a, b
print(gc.collect() >= 2)

class Node(list):
    __slots__ = ('next',)
head = None
for i in range(200000):
    n = Node()
    n.next = head
    head = n
del head, n
print("chain freed")

log = []
class Tracked:
    def __init__(self, name): self.name = name
    def __del__(self): log.append(self.name)
class D(dict):
    __slots__ = ('res',)
    def __del__(self):
        log.append("D.__del__")
d = D()
d.res = Tracked("member")
del d
print(log)

class S(str):
    __slots__ = ('res',)
s = S("abc")
s.res = Tracked("str-member")
del s
print(log)

class C(list):
    __slots__ = ('other',)
a, b = C([1]), C([2])
a.other, b.other = b, a
wa = _weakref.ref(Tracked("x"))
a.append(Tracked("in-cycle"))
del a, b
gc.collect()
print(log)
class Pt(tuple):
    __slots__ = ()
print(Pt((1, 2)) + (3,))
class FS(frozenset):
    __slots__ = ('tag',)
f = FS({1, 2}); f.tag = 'x'
print(sorted(f), f.tag, FS.tag)
class BA(bytearray):
    __slots__ = ('n',)
b = BA(b'xy'); b.n = 2; b.extend(b'z')
print(b, b.n)
class E(Exception):
    __slots__ = ('code',)
try:
    raise E("bad")
except E as e:
    e.code = 7
    print(e.code, e.args, e.__dict__)
class C2(complex):
    __slots__ = ('u', 'v')
c = C2(1, 2); c.u = 1
print(c, c.u)
try:
    c.v
except AttributeError as e:
    print("AE", e)
