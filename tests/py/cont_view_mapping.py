# dict views' .mapping: a read-only mappingproxy
d = {"a": 1}
keys = d.keys()
m = keys.mapping
d["b"] = 2
print(m, str(m), len(m), m["b"], "a" in m, list(m), m.get("z", 0), m.keys(), m.items(), m == d, m | {"c": 3}, type(m).__name__)
try:
    m["c"] = 3
except TypeError as e:
    print(e)
print(d.values().mapping is not d, d.items().mapping["a"], list(reversed(m)), m.copy())
