class AttrDict(dict):
    def __getattr__(self, k):
        try:
            return self[k]
        except KeyError:
            raise AttributeError(k) from None
    def __setattr__(self, k, v):
        self[k] = v
d = AttrDict(a=1)
d.b = 2
print(d, d.a, d.b, type(d).__name__, isinstance(d, dict), dict(d))
try:
    d.zz
except AttributeError as e:
    print("AttributeError", e)
class Default(dict):
    def __missing__(self, k):
        self[k] = []
        return self[k]
dd = Default()
dd["x"].append(1); dd["y"]; dd["x"].append(2)
print(dd, "z" in dd, dd.get("q"))
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
u = Upper(); u["a"] = 1; u.update(b=2)
print(u)
