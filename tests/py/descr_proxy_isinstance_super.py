class Proxy(object):
    def __init__(self, obj):
        self.__obj = obj
    def __getattribute__(self, name):
        if name.startswith("_Proxy__"):
            return object.__getattribute__(self, name)
        else:
            return getattr(self.__obj, name)
class C:
    pass
a = C()
pa = Proxy(a)
print(pa.__class__)
print(isinstance(pa, C))
class D(C): pass
print(isinstance(Proxy(D()), C))
class B:
    def f(self): return "B.f"
class E(B):
    def f(self):
        return "E.f " + super(E, self).f()
print(E.f(Proxy(E())))
def check(x, c):
    return isinstance(x, c)
print([check(Proxy(C()), C) for _ in range(5)])
print([check(1, int) for _ in range(3)], [check(Proxy(C()), C) for _ in range(5)])
class A:
    def f(self): return "A.f"
class B(A):
    def f(self): return "B.f " + super().f()
class X: pass
try:
    B.f(X())
except TypeError as e:
    print(e)
try:
    super(B, X())
except TypeError as e:
    print(e)
