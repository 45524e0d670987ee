d = {"a": 1}
keys = d.keys()
vals = d.values()
items = d.items()
d["b"] = 2
d["c"] = 3
del d["a"]
print(list(keys), list(vals), list(items), len(keys), keys.mapping if hasattr(keys, "mapping") else "-")
it = iter(items)
print(next(it))
print(sorted(keys - {"b"}), "c" in keys, 3 in vals, ("c", 3) in items)
