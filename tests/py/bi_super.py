# super(): zero-argument forms in methods and classmethods, explicit forms, a rebound 'super', and its RuntimeErrors
class A:
    def f(self): return "A.f"
    @classmethod
    def c(cls): return "A.c " + cls.__name__
class B(A):
    def f(self): return "B>" + super().f()
    @classmethod
    def c(cls): return "B>" + super().c()
    def g(self):
        return super(B, self).f(), super(A, self).__class__.__name__
print(B().f(), B.c(), B().g())
def fake_super(*a):
    print("fake super called with", len(a), "args")
    return A()
class C(A):
    def f(self):
        return super().f()
import_super = super
super = fake_super
print(C().f())
super = import_super
class D(A):
    def f(self):
        return super().f()
print(D().f())
class E:
    def m(self):
        def inner():
            return super().m
        return inner()
try:
    E().m()
except RuntimeError as e:
    print("RuntimeError:", e)
class F:
    def m():
        return super().x
try:
    F.m()
except RuntimeError as e:
    print("RuntimeError:", e)
