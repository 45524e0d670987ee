class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
class Circle:
    def __init__(self, c, r):
        self.c, self.r = c, r
def where(obj):
    match obj:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return f"on y axis at {y}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Circle(c=Point(x, y), r=r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle():
            return "small circle"
        case int(n) | float(n):
            return f"number {n}"
        case str() as s:
            return f"string {s!r}"
        case Point():
            return "some point"
        case _:
            return "unknown"
for o in [Point(0, 0), Point(0, 5), Point(3, 0), Point(1, 1), Circle(Point(1, 2), 20), Circle(Point(0, 0), 1), 7, 2.5, "s", [1]]:
    print(where(o))
try:
    match Circle(1, 2):
        case Circle(a, b):
            pass
except TypeError as e:
    print(e)
