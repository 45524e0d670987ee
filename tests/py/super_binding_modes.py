class A:
    def f(self=None): return ('f', self)
    p = property(lambda self: 'prop')
class B(A):
    @classmethod
    def g(cls): return super().f()
    @classmethod
    def h(cls): return super().f
    @classmethod
    def pp(cls): return super().p
print(B.g(), type(B.h()).__name__, type(B.pp()).__name__)
class E(dict):
    def g(self): return super().fromkeys([3])
    @classmethod
    def cg(cls): return super().fromkeys([4])
print(E().g(), E.cg(), type(E.cg()).__name__)
class L(list):
    def m(self): return super().append
    def n(self):
        super().append(5)
        return self
print(type(L().m()).__name__, L().n())
class I(int):
    @classmethod
    def k2(cls): return super().__add__
    def k3(self): return super().__add__(1)
print(I.k2(), I(3).k3())
class G:
    def __getattribute__(self, n): return object.__getattribute__(self, n)
    def f(self): return "G.f"
class H(G):
    def f(self): return "H.f " + super().f()
print(H().f())
