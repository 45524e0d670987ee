class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
        self.s = s
    def __lt__(self, other):
        return self.parts < other.parts
    def __repr__(self):
        return self.s
vs = [Ver(s) for s in ["1.10", "1.2", "1.2.1", "0.9", "1.10.0", "1.2"]]
print(sorted(vs), max(vs), min(vs))
vs.sort(reverse=True); print(vs)
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v > o.v
print([r.v for r in sorted(Rev(i) for i in [3, 1, 2])])
