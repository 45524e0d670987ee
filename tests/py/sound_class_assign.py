# obj.__class__ = Other: attributes stay, methods and dunders come from the new class.
class A:
    kind = "a"
    def __init__(self):
        self.x = 1
        self.y = 2
    def who(self):
        return "A.who"
    def __repr__(self):
        return f"A({self.x})"

class B:
    kind = "b"
    def __init__(self):
        self.z = 3
    def who(self):
        return "B.who " + str(self.x)
    def __repr__(self):
        return f"B({self.x}, {self.y})"
    def __len__(self):
        return 42

a = A()
print(a, a.who(), a.kind, type(a).__name__)
a.__class__ = B
print(a, a.who(), a.kind, type(a).__name__, len(a))
print(isinstance(a, B), isinstance(a, A), a.__dict__)
a.w = 4
print(sorted(vars(a).items()))

# A specialised attribute load and store in a loop must not use the old class's cache.
class P:
    def __init__(self):
        self.v = "P.v"
    @property
    def p(self):
        return "P.p"
class Q:
    v = "Q.v class attribute"
    @property
    def p(self):
        return "Q.p"

def read(objs):
    out = []
    for o in objs:
        out.append((o.v, o.p))
    return out

objs = [P() for _ in range(40)]
print(read(objs)[0])
for o in objs[20:]:
    o.__class__ = Q
res = read(objs)
print(res[0], res[39])
del objs[39].__dict__["v"]
print(read(objs)[39])

def store(objs):
    for i, o in enumerate(objs):
        o.n = i
    return [o.n for o in objs]

class R:
    def __init__(self):
        self.n = 0
class S:
    __slots__ = ("n",)
rs = [R() for _ in range(30)]
print(sum(store(rs)))
for r in rs[::2]:
    r.__class__ = type("R2", (R,), {})
print(sum(store(rs)), type(rs[0]).__name__, type(rs[1]).__name__)

# __slots__ classes with the same slot names can trade instances; values stay.
class S1:
    __slots__ = ("a", "b")
class S2:
    __slots__ = ("a", "b")
    def total(self):
        return self.a + self.b
s = S1()
s.a, s.b = 5, 6
s.__class__ = S2
print(s.total())

# Back and forth, and to a subclass.
class Base:
    def f(self):
        return "Base"
class Sub(Base):
    def f(self):
        return "Sub+" + super().f()
o = Base()
o.__class__ = Sub
print(o.f())
o.__class__ = Base
print(o.f())

# Module objects can switch to a ModuleType subclass and back.
import types
class Loud(types.ModuleType):
    def __getattr__(self, name):
        return "missing " + name
m = types.ModuleType("m")
m.__class__ = Loud
print(type(m).__name__, m.nothing)
m.__class__ = types.ModuleType
print(type(m).__name__)

# __del__ of the new class runs; the old class can go.
class D1:
    pass
class D2:
    def __del__(self):
        print("D2 del")
d = D1()
d.__class__ = D2
del d
print("end")
