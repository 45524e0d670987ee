print(sorted("cba"), sorted((3, 1)), sorted({"b": 1, "a": 2}), sorted({3, 1, 2}), sorted(range(3, 0, -1)), sorted(x for x in [2, 1]))
t = (3, 1, 2)
try:
    t.sort()
except AttributeError as e:
    print(e)
