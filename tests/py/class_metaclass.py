class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        cls = super().__new__(mcls, name, bases, ns)
        cls.registry = name.lower()
        return cls
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
class Base(metaclass=Meta):
    def __init__(self, v):
        self.v = v
class Sub(Base, flag=True):
    pass
s = Sub(5)
print(s.v, Sub.registry, type(Sub).__name__, isinstance(Sub, Meta))
Dyn = type("Dyn", (Base,), {"x": 1})
print(Dyn.x, Dyn.__name__, type(Dyn).__name__, Dyn.registry)
print(type(1), type("Z", (), {})().__class__.__name__)
