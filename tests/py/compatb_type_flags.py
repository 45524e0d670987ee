# type.__flags__ with CPython 3.13's bit values
import abc

HEAPTYPE, BASETYPE, READY, HAVE_GC = 1 << 9, 1 << 10, 1 << 12, 1 << 14
IMMUTABLETYPE, IS_ABSTRACT = 1 << 8, 1 << 20
MANAGED_DICT, MANAGED_WEAKREF, INLINE_VALUES = 1 << 4, 1 << 3, 1 << 2
SEQUENCE, MAPPING = 1 << 5, 1 << 6

for t in [object, type, int, bool, float, complex, str, bytes, bytearray, list, tuple, dict,
          set, frozenset, range, slice, memoryview, property, staticmethod, classmethod, super,
          enumerate, zip, map, filter, reversed, BaseException, Exception, ValueError, OSError,
          KeyError, StopIteration, type(None), type(NotImplemented), type(...)]:
    print(t.__name__, hex(t.__flags__))

def f(): pass
print("function", hex(type(f).__flags__))
print("method_descriptor", hex(type(str.join).__flags__))
print("builtin_function_or_method", hex(type(len).__flags__))
print("list_iterator", hex(type(iter([])).__flags__))
print("generator", hex(type(x for x in ()).__flags__))
print("dict_keys", hex(type({}.keys()).__flags__))

class A: pass
class B(A): __slots__ = ()
class S: __slots__ = ('a',)
class W: __slots__ = ('__weakref__',)
class Dd: __slots__ = ('__dict__',)
class Y: __slots__ = ()
class S2(Y): pass
class I(int): pass
class L(list): pass
class Tu(tuple): pass
class D(dict): pass
class St(str): pass
class By(bytes): pass
class E(Exception): pass
class M(type): pass
class F(float): pass
class X(int): __slots__ = ()
class WithDel:
    def __del__(self): pass
class Ab(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class Ab2(Ab):
    def f(self): pass
for c in [A, B, S, W, Dd, Y, S2, I, L, Tu, D, St, By, E, M, F, X, WithDel, Ab, Ab2]:
    print(c.__name__, hex(c.__flags__))

print(bool(A.__flags__ & HEAPTYPE), bool(int.__flags__ & HEAPTYPE), bool(int.__flags__ & IMMUTABLETYPE))
print(bool(bool.__flags__ & BASETYPE), bool(L.__flags__ & SEQUENCE), bool(D.__flags__ & MAPPING))
print(bool(Ab.__flags__ & IS_ABSTRACT), bool(Ab2.__flags__ & IS_ABSTRACT))
Ab.__abstractmethods__ = frozenset()
print(bool(Ab.__flags__ & IS_ABSTRACT))
try:
    A.__flags__ = 0
except AttributeError as e:
    print("AE", e)
print(type(int.__flags__))
class Se(set): pass
class Fs(frozenset): pass
print(hex(Se.__flags__), hex(Fs.__flags__))
try:
    del int.__flags__
except (AttributeError, TypeError) as e:
    print(type(e).__name__, e)
