class Vector:
    def __init__(self, *c):
        self.c = c
    def __add__(self, other):
        return Vector(*(a + b for a, b in zip(self.c, other.c, strict=True)))
    def __repr__(self):
        return f"Vector{self.c}"
print(Vector(1, 2) + Vector(3, 4))
print(Vector(1, 2) + Vector(3, 4, 5))
