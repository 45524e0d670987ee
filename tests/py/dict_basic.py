d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], d.get("z"), d.get("z", 0), "a" in d, 1 in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.pop("b"), d, d.pop("z", None), d.setdefault("a", 9), d.setdefault("q", 7), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2); d.update([("z", 3)]); print(d)
print(dict(a=1), dict([(1, 2)]), dict({"k": "v"}, k2=3), dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
