# C.__bases__ = (...): the MRO of the class and its subclasses, their methods and dunders follow.
class A:
    def f(self):
        return "A.f"
    def __repr__(self):
        return "<A-ish>"
class B:
    def f(self):
        return "B.f"
    def g(self):
        return "B.g"
    def __len__(self):
        return 7
class C(A):
    pass
class D(C):
    def f(self):
        return "D.f+" + super().f()

c, d = C(), D()
print(c.f(), d.f(), repr(c), [k.__name__ for k in D.__mro__])
C.__bases__ = (B,)
print(c.f(), d.f(), c.g(), len(c), len(d))
print([k.__name__ for k in C.__mro__], [k.__name__ for k in D.__mro__])
print(C.__base__.__name__, C.__bases__ == (B,))
print(isinstance(c, A), isinstance(c, B), issubclass(D, B), issubclass(D, A))
print([k.__name__ for k in A.__subclasses__()], [k.__name__ for k in B.__subclasses__()])
try:
    repr(c) == "<A-ish>"
    print(repr(c).startswith("<__main__.C object"))
except Exception as e:
    print(type(e).__name__)

# Two bases, then back.
C.__bases__ = (A, B)
print(c.f(), c.g(), [k.__name__ for k in D.__mro__])
C.__bases__ = (A,)
print(hasattr(c, "g"), [k.__name__ for k in D.__mro__])

# A specialised method call in a loop follows the new bases.
class M1:
    def m(self):
        return 1
class M2:
    def m(self):
        return 2
class K(M1):
    pass
ks = [K() for _ in range(50)]
def total(objs):
    t = 0
    for o in objs:
        t += o.m()
    return t
print(total(ks))
K.__bases__ = (M2,)
print(total(ks))

# An inconsistent MRO below the class undoes the whole assignment.
class X: pass
class Y: pass
class Z(X): pass
class W(Z, Y): pass
try:
    Z.__bases__ = (Y, X)
    print([k.__name__ for k in W.__mro__])
except TypeError as e:
    print("TypeError", e)
print([k.__name__ for k in Z.__mro__], [k.__name__ for k in W.__mro__])
class Z2(X): pass
class W2(Y, Z2): pass
try:
    Z2.__bases__ = (Y, X)
except TypeError as e:
    print("TypeError", e)
print([k.__name__ for k in Z2.__mro__], [k.__name__ for k in W2.__mro__], Z2.__bases__ == (X,))
print([k.__name__ for k in X.__subclasses__()], [k.__name__ for k in Y.__subclasses__()])
class V(X, Y): pass
try:
    V.__bases__ = (Y, V.__mro__[1])
    print([k.__name__ for k in V.__mro__])
except TypeError as e:
    print("TypeError", e)
try:
    Z.__bases__ = (W,)
except TypeError as e:
    print("TypeError", e)
print([k.__name__ for k in Z.__mro__])

# Class attributes and __init_subclass__-free classes of builtins keep their layout.
class L1(list): pass
class L2(list):
    def first(self):
        return self[0]
class L3(L1): pass
L3.__bases__ = (L2,)
print(L3([9, 8]).first())
