class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"V({self.x}, {self.y})"
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y) if isinstance(o, V) else NotImplemented
    def __radd__(self, o):
        return V(self.x + o, self.y + o)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __neg__(self):
        return V(-self.x, -self.y)
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __bool__(self):
        return bool(self.x or self.y)
    def __len__(self):
        return 2
    def __getitem__(self, i):
        return (self.x, self.y)[i]
    def __contains__(self, v):
        return v in (self.x, self.y)
    def __iadd__(self, o):
        self.x += o.x; self.y += o.y
        return self
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __call__(self, k):
        return self * k
a, b = V(1, 2), V(3, 4)
print(a + b, a - b, a * 3, 3 * a, -a, abs(b), bool(V(0, 0)), len(a), a[1], list(a), 2 in a, 5 in a, a @ b, a(2), 1 + a, sum([a, b], V(0, 0)))
a += b
print(a)
try:
    a + 1
except TypeError as e:
    print(e)
