class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__(**kw)
        cls().hello()
class Sub(Base):
    def hello(self):
        print("hello", __class__.__name__)
print("__classcell__" in Sub.__dict__)
class A:
    def f(self): return __class__
print(A.f(1), "__classcell__" in A.__dict__)
class BadMeta(type):
    def __new__(mcls, name, bases, ns):
        ns = dict(ns)
        ns.pop("__classcell__", None)
        return super().__new__(mcls, name, bases, ns)
try:
    class C(metaclass=BadMeta):
        def f(self): return __class__
except RuntimeError as e:
    print("RuntimeError", e)
class Other: pass
class SwapMeta(type):
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        return Other
try:
    class D(metaclass=SwapMeta):
        def f(self): return __class__
except TypeError as e:
    print("TypeError", e)
try:
    class C3:
        __classcell__ = 42
except TypeError as e:
    print("TypeError", e)
class Desc:
    def __set_name__(self, owner, name):
        print("set_name sees", owner.m())
class E:
    d = Desc()
    @classmethod
    def m(cls): return __class__.__name__
