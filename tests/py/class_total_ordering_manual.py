class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __repr__(self):
        return f"V{self.v}"
a, b = V(1), V(2)
print(a < b, a > b, a <= b, a >= b, a == V(1), a != b)
print(sorted([V(3), V(1), V(2)]), max(V(3), V(5)), min([V(9), V(4)]))
