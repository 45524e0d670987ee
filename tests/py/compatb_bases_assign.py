import gc, _weakref as weakref

class Root: pass
class A(Root): pass
class B(Root): pass
class C(A): pass
class D(C): pass
print(D.__mro__)
C.__bases__ = (B,)
print(C.__mro__, D.__mro__)
print(C.__bases__, C.__base__)
print(A.__subclasses__(), B.__subclasses__())

# metaclass mro() override is re-run
log = []
class Meta(type):
    def mro(cls):
        log.append(cls.__name__)
        return type.mro(cls)
class X(A, metaclass=Meta): pass
class Y(X): pass
log.clear()
class Z(Root): pass
X.__bases__ = (Z,)
print(log, X.__mro__, Y.__mro__)

# reversed mro
class RMeta(type):
    def mro(cls):
        return list(reversed(type.mro(cls)))
class R(A, metaclass=RMeta): pass
print(R.__mro__)
class R2(Root): pass
R.__bases__ = (R2,)
print(R.__mro__)

# error in mro() restores
class Bad(type):
    fail = False
    def mro(cls):
        if Bad.fail:
            raise ValueError("no mro")
        return type.mro(cls)
class P(A, metaclass=Bad): pass
class Q(P): pass
class O2(Root): pass
Bad.fail = True
try:
    P.__bases__ = (O2,)
except ValueError as e:
    print("VE", e)
print(P.__bases__, P.__mro__, Q.__mro__)
Bad.fail = False

# subclass failing mro restores whole hierarchy
class Bad2(type):
    def mro(cls):
        if cls.__name__ == "S2" and getattr(Bad2, "fail", False):
            raise KeyError("sub")
        return type.mro(cls)
class S1(A, metaclass=Bad2): pass
class S2(S1): pass
class T1(Root): pass
Bad2.fail = True
try:
    S1.__bases__ = (T1,)
except KeyError as e:
    print("KE", e)
print(S1.__bases__, S1.__mro__, S2.__mro__)
Bad2.fail = False
class E1(Root): pass
class E2(E1): pass

# errors
for val in [(), [A], (1,), (E2,), (E1,)]:
    try:
        E1.__bases__ = val
    except TypeError as e:
        print("TE", e)
try:
    del E1.__bases__
except TypeError as e:
    print("TE", e)
try:
    int.__bases__ = (object,)
except TypeError as e:
    print("TE", e)

class L(list): pass
try:
    L.__bases__ = (dict,)
except TypeError as e:
    print("TE", e)
class I(int): pass
try:
    A.__bases__ = (I,)
except TypeError as e:
    print("TE", e)
class Sl(Root):
    __slots__ = ('a',)
try:
    A.__bases__ = (Sl,)
except TypeError as e:
    print("TE", e)

# MRO conflict
class M1(Root): pass
class M2(M1): pass
class N(M1): pass
try:
    N.__bases__ = (M1, M2)
except TypeError as e:
    print("TE", e)
print(N.__mro__)

# mro() returning a bad thing
class BadRet(type):
    mode = 0
    def mro(cls):
        if BadRet.mode == 1:
            return [1]
        if BadRet.mode == 2:
            return [cls, int, object]
        return type.mro(cls)
class W(A, metaclass=BadRet): pass
for mode in (1, 2):
    BadRet.mode = mode
    try:
        W.__bases__ = (B,)
    except TypeError as e:
        print("TE", e)
    print(W.__mro__)
BadRet.mode = 0

# attribute lookup follows new mro
class F1(Root):
    def f(self): return "F1"
class F2(Root):
    def f(self): return "F2"
class G(F1): pass
g = G()
print(g.f())
G.__bases__ = (F2,)
print(g.f())
print(isinstance(g, F1), isinstance(g, F2), issubclass(G, F2))

# class with assigned bases is collected
class K(A): pass
K.__bases__ = (B,)
K.__bases__ = (A, B)
wr = weakref.ref(K)
del K
gc.collect()
print(wr())

class Plain: pass
try:
    Plain.__bases__ = (Root,)
except TypeError as e:
    print("TE", e)
print(Plain.__mro__)

# mro() that depends on bases, with subclasses seeing the override each time
calls = []
class Trace(type):
    def mro(cls):
        calls.append((cls.__name__, cls.__bases__))
        return super().mro()
class T0(Root, metaclass=Trace): pass
class T1s(T0): pass
class T2s(T1s): pass
class Alt(Root): pass
calls.clear()
T0.__bases__ = (Alt,)
print([(n, [b.__name__ for b in bs]) for n, bs in calls])
print([c.__name__ for c in T2s.__mro__])
