# A small program pyrt runs today: classes, super(), closures, comprehensions, f-strings, big
# ints and exceptions (generators are not in yet).
# Run it with `cargo run --release -- examples/py/shapes.py` (or `python3 examples/py/shapes.py`
# to compare).


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError(f"{type(self).__name__}.area")

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Rect(Shape):
    def __init__(self, name, w, h):
        super().__init__(name)
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, name, r):
        super().__init__(name)
        self.r = r

    def area(self):
        return 3.141592653589793 * self.r**2


def scaled(factor):
    def scale(shape):
        return shape.area() * factor
    return scale


shapes = [Rect("door", 0.9, 2.1), Circle("coin", 0.012), Rect("field", 105, 68), Circle("pond", 7.5)]
for s in sorted(shapes, key=lambda s: s.area()):
    print(s)
double = scaled(2)
print("doubled:", [double(s) for s in shapes])
print("total area:", f"{sum([s.area() for s in shapes]):,.1f}")
try:
    Shape("abstract").area()
except NotImplementedError as e:
    print("caught:", type(e).__name__, e)
print(2**100 // 3**20, divmod(-7, 3), 0.1 + 0.2)
