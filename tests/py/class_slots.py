class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print(e)
del p.x
try:
    p.x
except AttributeError as e:
    print(e)
class Q(P):
    pass
q = Q(3, 4); q.z = 5
print(q.z, q.__dict__)
class R(P):
    __slots__ = ("w",)
r = R(1, 2); r.w = 3
print(r.w, r.x)
try:
    r.v = 1
except AttributeError as e:
    print(e)
