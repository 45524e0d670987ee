class Vec:
    def __init__(self, *c):
        self.c = c
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.c, o.c)])
    def __mul__(self, k):
        return Vec(*[a * k for a in self.c])
    def __rmul__(self, k):
        return self * k
    def __neg__(self):
        return Vec(*[-a for a in self.c])
    def __lt__(self, o):
        return sum(self.c) < sum(o.c)
    def __repr__(self):
        return "Vec" + repr(self.c)
v = Vec(1, 2)
print(v + v, v * 3, 3 * v, -v, v < Vec(5, 5), sorted([Vec(9), Vec(1), Vec(4)]))
