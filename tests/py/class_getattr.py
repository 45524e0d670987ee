class Lazy:
    def __init__(self):
        self.real = "real"
    def __getattr__(self, name):
        if name.startswith("dyn_"):
            return name[4:].upper()
        raise AttributeError(f"{type(self).__name__!r} has no {name!r}")
l = Lazy()
print(l.real, l.dyn_abc, getattr(l, "dyn_x"), hasattr(l, "nope"), getattr(l, "nope", "default"))
class Logged:
    def __init__(self):
        self.a = 1
    def __getattribute__(self, name):
        if not name.startswith("__"):
            print("get", name)
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("set", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("del", name)
        object.__delattr__(self, name)
g = Logged()
print(g.a)
g.b = 2
del g.b
try:
    g.c
except AttributeError as e:
    print(e)
