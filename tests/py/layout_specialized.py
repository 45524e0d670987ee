# Attribute loads and stores that the specialiser rewrites, and what invalidates them.
import math

class P:
    scale = 10

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm(self):
        return self.x * self.x + self.y * self.y

def work(objs, n):
    total = 0
    for _ in range(n):
        for o in objs:
            total += o.x + o.norm() + o.scale
            o.y = o.y + 1
    return total

ps = [P(1, 2), P(3, 4)]
print(work(ps, 60))

# Attributes added after specialisation.
ps[0].extra = 5
ps[1].extra = 6
print(work(ps, 3), vars(ps[0]))

# An instance attribute shadows the class attribute and the method.
ps[0].scale = 1000
ps[1].norm = lambda: -1
print(work(ps, 3))
del ps[0].scale
del ps[1].norm
print(work(ps, 3))

# Changing the class renews its version tag.
P.scale = -5
def norm2(self):
    return 0
P.norm = norm2
print(work(ps, 3))

# Deleting an attribute the loop reads.
del ps[1].x
try:
    work(ps, 1)
except AttributeError as e:
    print("AttributeError:", e)
ps[1].x = 1
print(work(ps, 2))

# A materialised __dict__ takes over from the inline values.
d = ps[0].__dict__
d["x"] = 100
print(work(ps, 2), ps[0].x)
ps[0].__dict__ = {"x": 1, "y": 1}
print(work(ps, 2), vars(ps[0]))

# Slots in a loop.
class S:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 0
        self.b = 1

def bump(s, n):
    for _ in range(n):
        s.a = s.a + s.b
    return s.a

s = S()
print(bump(s, 100))
del s.b
try:
    bump(s, 1)
except AttributeError as e:
    print("AttributeError:", e)
s.b = 2
print(bump(s, 10))

# Module attributes.
def circle(n):
    t = 0.0
    for _ in range(n):
        t += math.pi
    return t

print(circle(50))
math.pi = 3
print(circle(3))
del math.pi
try:
    circle(1)
except AttributeError as e:
    print("AttributeError:", e)

# Several classes through one instruction.
class A:
    def __init__(self):
        self.v = "a"

class B:
    def __init__(self):
        self.w = 0
        self.v = "b"

class C:
    __slots__ = ("v",)

    def __init__(self):
        self.v = "c"

def vs(objs):
    return "".join(o.v for o in objs)

print(vs([A(), B(), C()] * 20)[:9])

# Properties and descriptors are not instance values.
class Prop:
    def __init__(self):
        self._v = 1

    @property
    def v(self):
        return self._v * 2

    @v.setter
    def v(self, value):
        self._v = value

def props(o, n):
    for i in range(n):
        o.v = i
    return o.v, vars(o)

print(props(Prop(), 30))
