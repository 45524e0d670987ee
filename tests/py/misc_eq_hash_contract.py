class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __eq__(self, o):
        return isinstance(o, Point) and (self.x, self.y) == (o.x, o.y)
    def __hash__(self):
        return hash((self.x, self.y))
    def __repr__(self):
        return f"P({self.x},{self.y})"
s = {Point(1, 2), Point(1, 2), Point(2, 1)}
print(len(s), Point(1, 2) in s, sorted(s, key=lambda p: (p.x, p.y)))
d = {Point(0, 0): "origin"}
print(d[Point(0, 0)], Point(0, 0) == Point(0, 0), Point(0, 0) is Point(0, 0))
p = Point(5, 5)
d[p] = "mutable"
p.x = 6
print(p in d, Point(5, 5) in d, len(d), [v for v in d.values()])
class AlwaysEqual:
    def __eq__(self, o):
        return True
    __hash__ = object.__hash__
print(AlwaysEqual() in [1, 2], AlwaysEqual() in {1, 2})
