d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
d["d"] = 4
print(k, v, it, len(k), "a" in k, 2 in v, ("a", 1) in it)
print(k & {"a", "z"} == {"a"}, sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}), it & {("a", 1)})
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(d.keys() == {"a", "b", "c", "d"}, d.keys().isdisjoint(["x"]), d.items() == d.items())
try:
    for key in d:
        d["new" + key] = 0
except RuntimeError as e:
    print(e)
