"""Method calls on user classes: bound methods, inheritance, super(), properties, classmethods."""
N = 1_000_000


class Shape:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h

    def scale(self, k):
        self.w *= k
        self.h *= k
        return self

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Shape):
    def __init__(self, s):
        super().__init__(s, s)

    def area(self):
        return super().area() + 1

    @classmethod
    def unit(cls):
        return cls(1)


class Counter:
    def __init__(self):
        self.n = 0

    def add(self, v):
        self.n += v

    def get(self):
        return self.n


def run(n):
    c = Counter()
    shapes = [Shape(i % 7 + 1, i % 5 + 1) if i % 2 else Square(i % 3 + 1) for i in range(16)]
    for i in range(n):
        s = shapes[i & 15]
        c.add(s.area())
        c.add(s.perimeter)
        if i % 1000 == 0:
            s.scale(1)
            c.add(Square.unit().area())
    return c.get()


print("checksum", run(N))
