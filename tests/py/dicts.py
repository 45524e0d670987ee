d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, "z" in d)
del d["b"]
d["b"] = 20
print(d, list(d), d.keys(), d.values(), d.items())
print(d.pop("a"), d, d.setdefault("x", 9), d)
d.update({"y": 1}, z=2)
print(d, dict(a=1), dict([("k", "v")]), {i: i * i for i in range(4)})
for k, v in d.items():
    print(k, v)
print(d == {"c": 3, "b": 20, "x": 9, "y": 1, "z": 2}, d.copy() is d)
