class S(set):
    def add(self, x):
        super().add(x * 10)
s = S([1, 2])
s.add(3)
print(sorted(s), type(s | {1}).__name__, type(s.copy()).__name__, isinstance(s, set))
f1 = frozenset([1, 2, 3])
f2 = frozenset([3, 2, 1])
print(f1 == f2, hash(f1) == hash(f2), {f1: "v"}[f2], frozenset() == frozenset([]), frozenset(f1) is f1)
