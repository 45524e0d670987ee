class M(dict):
    def __missing__(self, k):
        return f"missing {k}"
m = M(a=1)
print(m["a"], m["b"], m.get("b"), "b" in m, m.setdefault("c", 3), m, m.pop("zz", "popdflt"))
try:
    dict.__getitem__(m, "q")
except KeyError as e:
    print("KeyError", e)
