# Dunder methods assigned to or deleted from a class after it was created update its slots.
class V:
    def __init__(self, x):
        self.x = x

    def __repr__(self):
        return f"V({self.x})"


def add(a, b):
    return V(a.x + b.x)


V.__add__ = add
print(V(1) + V(2))
V.__radd__ = lambda self, other: V(self.x + other)
print(5 + V(1))
V.__sub__ = lambda a, b: V(a.x - b.x)
print(V(5) - V(2))
V.__mul__ = lambda a, b: V(a.x * b)
print(V(3) * 4)

print(V(1) == V(1))
V.__eq__ = lambda a, b: isinstance(b, V) and a.x == b.x
print(V(1) == V(1), V(1) != V(2), V(1) == 1)
V.__lt__ = lambda a, b: a.x < b.x
print(V(1) < V(2), V(3) < V(2), sorted([V(3), V(1), V(2)]))
V.__hash__ = lambda self: hash(self.x)
print(len({V(1), V(1), V(2)}))

V.__len__ = lambda self: self.x
print(len(V(7)), bool(V(0)), bool(V(2)))
V.__bool__ = lambda self: True
print(bool(V(0)))
V.__getitem__ = lambda self, i: self.x * i
print(V(3)[4])
V.__contains__ = lambda self, i: i == self.x
print(3 in V(3), 4 in V(3))
V.__iter__ = lambda self: iter(range(self.x))
print(list(V(3)))
V.__call__ = lambda self, *a: (self.x, a)
print(V(1)(2, 3))
V.__neg__ = lambda self: V(-self.x)
print(-V(4))
V.__str__ = lambda self: "str-V"
print(str(V(1)), V(1))
V.__index__ = lambda self: self.x
print([10, 20, 30][V(2)], hex(V(255)))


def init(self, *args):
    self.x = sum(args)


V.__init__ = init
print(V(1, 2, 3))

V.__getattr__ = lambda self, name: f"<{name}>"
print(V(1).missing, V(1).x)
V.__setattr__ = lambda self, name, value: object.__setattr__(self, name, value * 2)
v = V(1)
v.y = 5
print(v.y, v.x)

# Deletion restores what the bases give.
del V.__add__
try:
    V(1) + V(2)
except TypeError as e:
    print("TypeError:", e)
del V.__repr__
print(repr(V(1)).startswith("<__main__.V object at"))
del V.__str__
print(str(V(1)).startswith("<__main__.V object at"))
del V.__getattr__
try:
    V(1).missing
except AttributeError as e:
    print("AttributeError:", e)
del V.__setattr__
v = V(1)
v.y = 5
print(v.y)
del V.__eq__
print(V(1) == V(1))
del V.__len__
del V.__bool__
print(bool(V(0)))
try:
    len(V(1))
except TypeError as e:
    print("TypeError:", e)
del V.__call__
try:
    V(1)()
except TypeError as e:
    print("TypeError:", e)
del V.__init__
try:
    V(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    del V.__init__
except AttributeError as e:
    print("AttributeError:", e)

# Specialised code sees the change: the same instruction, before and after.
class P:
    def __init__(self, v):
        self.v = v


def total(items):
    out = []
    for a, b in items:
        out.append(a + b)
    return out


P.__add__ = lambda a, b: a.v + b.v
pairs = [(P(i), P(1)) for i in range(10)]
print(total(pairs))
P.__add__ = lambda a, b: a.v * 100 + b.v
print(total(pairs))
del P.__add__
try:
    total(pairs)
except TypeError as e:
    print("TypeError:", e)


# Attribute loads and constructor calls that were specialised see a later hook or __init__.
class Point:
    def __init__(self, x):
        self.x = x


def xs(points):
    return [p.x for p in points]


def build(n):
    return [Point(i) for i in range(n)]


pts = build(20)
print(xs(pts)[-3:])
Point.__getattribute__ = lambda self, name: "hooked:" + name
print(xs(pts)[-3:])
del Point.__getattribute__
print(xs(pts)[-3:])
Point.__getattr__ = lambda self, name: "fallback:" + name
print([p.y for p in pts[:2]], xs(pts)[:2])
Point.__init__ = lambda self, x: setattr(self, "x", x * 10)
print([p.x for p in build(4)])
del Point.__init__
try:
    build(1)
except TypeError as e:
    print("TypeError:", e)
Point.__new__ = lambda cls, *args: "made by __new__"
print(Point(1), Point())
