d = {k: k.upper() for k in "abcde"}
print(d.popitem(), d.popitem())
d["z"] = "Z"
print(d.popitem(), d)
del d["a"]
d["a"] = "again"
print(d.popitem(), d)
