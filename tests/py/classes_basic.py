class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __eq__(self, other):
        return self.x == other.x and self.y == other.y
    def __add__(self, other):
        return Point(self.x + other.x, self.y + other.y)
p = Point(3, 4)
print(p, p.norm2(), p.x, p + Point(1, 1), p == Point(3, 4), p != Point(0, 0))
p.z = 9
print(p.z, hasattr(p, "z"), hasattr(p, "w"), getattr(p, "w", "default"))
print(type(p).__name__, isinstance(p, Point), isinstance(1, Point), Point.__name__)
print(str(p), repr(p), [p])
