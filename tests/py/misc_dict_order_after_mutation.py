d = {}
for k in "abcdefgh":
    d[k] = ord(k)
for k in "bdf":
    del d[k]
d["b"] = 0
d["z"] = 1
d.pop("a")
d["a"] = 2
print(list(d), list(d.values()))
c = d.copy()
c["new"] = 3
del c["c"]
print(list(c))
print(list(dict.fromkeys("hello world")))
u = {"x": 1}
u.update([("y", 2), ("x", 3)])
print(u)
