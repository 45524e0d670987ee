# mutating a dict while iterating over it: uncaught RuntimeError
d = {"a": 1, "b": 2}
for k, v in d.items():
    print(k, v)
    d[k * 2] = v
