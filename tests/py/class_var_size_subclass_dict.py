# Instances of subclasses of variable-size builtins (tuple, bytes, int, str) keep a __dict__
# beside their items: attributes never overwrite the items, empty instances work, and the
# dict is released with the instance (also from a reference cycle).
import gc


class T(tuple):
    pass


t = T((1, 2, 3))
t.x = "x"
t.y = [t]
print(t, len(t), t[0], t[-1], t.x, sorted(t.__dict__))
print(t == (1, 2, 3), hash(t) == hash((1, 2, 3)), t + (4,), t[1:])
e = T()
e.a = 1
print(e, len(e), e.a, e.__dict__)
del e.a
print(e.__dict__, hasattr(e, "a"))
e.__dict__ = {"b": 2}
print(e.b, vars(e))
try:
    e.__dict__ = 5
except TypeError as exc:
    print("TypeError:", exc)


class Pt(tuple):
    def __new__(cls, x, y):
        self = super().__new__(cls, (x, y))
        self.norm = abs(x) + abs(y)
        return self


pts = [Pt(i, -i) for i in range(5)]
print([(p, p.norm) for p in pts])
a, b = pts[3]
print(a, b)


class Marker:
    def __del__(self):
        print("marker freed")


m = Marker()
c = T(("cycle",))
c.self = c
c.m = m
del c, m
print("collecting")
gc.collect()
print("collected")


class B(bytes):
    pass


b = B(b"abc")
b.tag = 1
print(b, b.tag, b.upper(), len(b))
eb = B()
eb.tag = 2
print(eb, eb.tag)


class I(int):
    pass


i = I(10**30)
i.unit = "m"
print(i + 1, i.unit)


class S(str):
    pass


s = S("héllo")
s.lang = "fr"
print(s.upper(), s.lang, s[1])


class Slotted(tuple):
    __slots__ = ()


try:
    Slotted().z = 1
except AttributeError as exc:
    print("AttributeError:", exc)
