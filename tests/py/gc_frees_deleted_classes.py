# A deleted class is freed by the collector: the cycle through its own __mro__ is broken
# (CPython's type_clear), so __subclasses__() forgets it and weak references die.
import gc, _weakref
refs = []
for i in range(200):
    class Base:
        def m(self): return super().__repr__()
    class C(Base):
        x = i
        def f(self): return __class__
        def __init__(self): self.me = self
    o = C(); o.m(); o.f()
    refs.append(_weakref.ref(C))
    del o, C, Base
print(gc.collect() > 0, sum(r() is not None for r in refs))
class P: pass
class P2: pass
class Q(P): pass
class R(Q): pass
Q.__bases__ = (P2,)
Q.__bases__ = (P,)
w = _weakref.ref(Q); del Q, R
gc.collect(); print(w(), P.__subclasses__())

class Parent: pass
class Child(Parent): pass
print(Parent.__subclasses__())
del Child
print(gc.collect() >= 0)
print(Parent.__subclasses__())
def f():
    class Parent: pass
    class Child(Parent): pass
    print(Parent.__subclasses__())
    del Child
    gc.collect()
    print(Parent.__subclasses__())
f()
