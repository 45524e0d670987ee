# Subclasses of module (types.ModuleType): __new__ makes an empty module, __init__ names it;
# repr reads attributes as importlib's _module_repr does; lazy modules with __getattr__.
import sys
MT = type(sys)
for args, kw in [((), {}), ((1,), {}), (("a", "b", "c"), {}), (("a",), {"bogus": 1}), ((), {"name": "n", "doc": "d"})]:
    try:
        m = MT(*args, **kw)
        print(repr(m), m.__dict__)
    except TypeError as e:
        print("TypeError:", e)
m = MT.__new__(MT)
print(str(m), m.__dict__, hasattr(m, "__name__"))
m.foo = 1
print(m.__dict__)
m.__init__("late", "doc")
print(m, sorted(m.__dict__.items(), key=str))
log = []
class MM(MT):
    def __init__(self, name):
        MT.__init__(self, name)
    def __getattribute__(self, name):
        log.append(("getattr", name))
        return MT.__getattribute__(self, name)
    def __setattr__(self, name, value):
        log.append(("setattr", name, value))
        MT.__setattr__(self, name, value)
    def __delattr__(self, name):
        log.append(("delattr", name))
        MT.__delattr__(self, name)
a = MM("a")
a.foo = 12
x = a.foo
del a.foo
print(log, type(a).__name__, repr(a))
class Lazy(MT):
    def __getattr__(self, name):
        return name.upper()
    def __del__(self):
        print("Lazy module freed")
lz = Lazy("lazy", "a lazy module")
print(lz.thing, lz.__doc__, lz.__name__, isinstance(lz, MT))
sys.modules["lazy"] = lz
import lazy
print(lazy is lz, lazy.other)
del sys.modules["lazy"], lazy, lz
print("end")
