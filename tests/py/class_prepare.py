class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, kw)
        return {"injected": 42, "log": []}
    def __new__(mcls, name, bases, ns, **kw):
        print("keys", [k for k in ns if not k.startswith("__")])
        return super().__new__(mcls, name, bases, dict(ns))
class C(metaclass=OrderedMeta, extra=1):
    log.append("seen")
    b = injected + 1
    a = 2
print(C.b, C.log, C.injected)
class Recording(dict):
    def __setitem__(self, k, v):
        print("set", k)
        super().__setitem__(k, v)
class M2(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Recording()
class D(metaclass=M2):
    x = 1
    def f(self):
        pass
print(D.x)
