d = {"a": 1, "b": 2, "c": 3}
del d["a"]
d["a"] = 10
print(d, list(d))
d["b"] = 20
print(d)
d.pop("c")
d["c"] = 30
d.update(b=200)
print(d)
e = {}
for i in range(50):
    e[i] = i
for i in range(0, 50, 3):
    del e[i]
for i in range(0, 50, 6):
    e[i] = -i
print(list(e.items())[:10], list(e)[-10:], len(e))
