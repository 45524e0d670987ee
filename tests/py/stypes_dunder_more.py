# More slots follow dunder assignment and deletion: descriptors, iteration, containment, truth,
# metaclass dunders, numeric conversions, item assignment, comparisons, reflected operators.
class D:
    pass
class Owner:
    d = D()
D.__get__ = lambda self, obj, typ: ("get", obj is not None)
print(Owner.d, Owner().d)
D.__set__ = lambda self, obj, v: print("set", v)
o = Owner(); o.d = 5
del D.__set__
o.d = 6
print(o.__dict__)
del D.__get__
print(type(Owner.d).__name__)

class It:
    def __init__(self): self.n = 0
It.__iter__ = lambda self: self
def nxt(self):
    self.n += 1
    if self.n > 3: raise StopIteration
    return self.n
It.__next__ = nxt
print(list(It()))
del It.__next__
try:
    list(It())
except TypeError as e: print(e)

class S:
    def __iter__(self): return iter([1, 2])
S.__contains__ = lambda self, x: True
print(99 in S())
del S.__contains__
print(99 in S(), 2 in S())

class B:
    def __len__(self): return 0
B.__bool__ = lambda self: True
print(bool(B()))
del B.__bool__
print(bool(B()))

class Meta(type):
    pass
class K(metaclass=Meta):
    pass
Meta.__call__ = lambda cls, *a: ("called", cls.__name__, a)
print(K(1, 2))
Meta.__getitem__ = lambda cls, i: ("item", i)
print(K[3])
Meta.__repr__ = lambda cls: "<K!>"
print(K, [K])
del Meta.__call__
print(type(K()).__name__)
Meta.__len__ = lambda cls: 42
print(len(K))

class N:
    pass
N.__index__ = lambda self: 2
print([0, 1, 2, 3][N()], bin(N()))
N.__int__ = lambda self: 7
N.__float__ = lambda self: 1.5
print(int(N()), float(N()))
N.__abs__ = lambda self: "abs"
N.__invert__ = lambda self: "inv"
N.__pos__ = lambda self: "pos"
print(abs(N()), ~N(), +N())
N.__setitem__ = lambda self, k, v: print("setitem", k, v)
N()[1] = 2
N.__delitem__ = lambda self, k: print("delitem", k)
del N()[3]
N.__lt__ = lambda a, b: "lt"
N.__ge__ = lambda a, b: "ge"
print(N() < N(), N() >= N(), N() > 1 if False else "")
try:
    N() <= N()
except TypeError as e:
    print(e)
N.__matmul__ = lambda a, b: "matmul"
N.__rpow__ = lambda a, b: "rpow"
print(N() @ N(), 2 ** N())
class Sub(N): pass
print(Sub() @ Sub(), abs(Sub()))
setattr(N, "__or__", lambda a, b: "or")
print(Sub() | 1)
delattr(N, "__or__")
try:
    Sub() | 1
except TypeError as e:
    print(e)
