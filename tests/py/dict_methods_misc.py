d = dict.fromkeys("abc", 0)
c = d.copy(); c["a"] = 1
print(d, c, d == c, d != c, {1: 2} == {1: 2.0}, {1: 2, 3: 4} == {3: 4, 1: 2})
d.clear(); print(d, len(d), bool(d), bool({0: 0}))
print(sorted({3: 1, 1: 2, 2: 3}), sorted({3: 1, 1: 2}.items()), min({"b": 1, "a": 2}))
print(type({}.keys()).__name__, type({}.values()).__name__, type({}.items()).__name__, type(iter({})).__name__)
class D(dict):
    def __missing__(self, key):
        return key * 2
print(D()["ab"], D(x=1)["x"], D().get("q"))
