# Error paths of obj.__class__ = ... and C.__bases__ = ... (CPython 3.13 messages).
import types
def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
class A: pass
class B: pass
class S1: __slots__ = ('x',)
class S2: __slots__ = ('x',)
class S3: __slots__ = ('y',)
class N: __slots__ = ()
class L(list): pass
class I(int): pass
class E1(Exception): pass
class E2(ValueError): pass
class O2(OSError): pass
class WithInit:
    def __init__(self): self.a=1; self.b=2; self.c=3; self.d=4; self.e=5; self.f=6; self.g=7
a = A()
def setc(o, c):
    o.__class__ = c
    return type(o).__name__
t(lambda: setc(A(), B))
t(lambda: setc(A(), 1))
t(lambda: setc(A(), int))
t(lambda: setc(1, bool))
t(lambda: setc(S1(), S2))
t(lambda: setc(S1(), S3))
t(lambda: setc(A(), N))
t(lambda: setc(N(), A))
t(lambda: setc(L(), A))
t(lambda: setc(A(), L))
t(lambda: setc(E1(), E2))
t(lambda: setc(E1(), O2))
t(lambda: setc(I(), A))
t(lambda: setc(WithInit(), A))
def delc():
    del A().__class__
t(delc)
m = types.ModuleType("m")
class MM(types.ModuleType): pass
t(lambda: setc(m, MM))
t(lambda: setc(m, types.ModuleType))
t(lambda: setc([], L))
# bases
class C(A): pass
def setb(c, b):
    c.__bases__ = b
    return [k.__name__ for k in c.__mro__]
t(lambda: setb(C, (B,)))
t(lambda: setb(C, [B]))
t(lambda: setb(C, ()))
t(lambda: setb(C, (1,)))
t(lambda: setb(C, (C,)))
class D(C): pass
t(lambda: setb(C, (D,)))
t(lambda: setb(C, (int,)))
t(lambda: setb(C, (L,)))
t(lambda: setb(C, (S1,)))
t(lambda: setb(int, (object,)))
t(lambda: setb(C, (A, B)))
t(lambda: [k.__name__ for k in D.__mro__])
def delb():
    del C.__bases__
t(delb)
t(lambda: setb(S2, (S1,)))
t(lambda: setb(E1, (E2,)))
t(lambda: setb(E1, (ValueError,)))
t(lambda: setb(C, (A, A)))
t(lambda: setb(C, (object,)))
