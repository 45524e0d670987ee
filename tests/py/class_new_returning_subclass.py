class Shape:
    def __new__(cls, kind, *a):
        sub = {"circle": Circle, "square": Square}.get(kind, cls)
        return super().__new__(sub)
    def __init__(self, kind, size=1):
        self.kind = kind
        self.size = size
class Circle(Shape):
    def area(self):
        return 3 * self.size ** 2
class Square(Shape):
    def area(self):
        return self.size ** 2
for k in ["circle", "square", "blob"]:
    s = Shape(k, 2)
    print(type(s).__name__, s.kind, s.area() if hasattr(s, "area") else "no area")
