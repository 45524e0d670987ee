# The base that decides an instance layout: a mixin before a builtin base, and layout conflicts.
class M:
    def hello(self): return "hi"
class E(M, Exception):
    pass
try:
    raise E("boom")
except E as e:
    print(repr(e), e.args, e.hello())
class I(M, int):
    pass
print(I(5) + 1)
class Eq:
    def __eq__(self, o): return True
    def __repr__(self): return "Eq!"
class V(Eq, ValueError):
    pass
v = V("x")
print(repr(v), v == 1, V.__hash__ is None, "__hash__" in vars(V))
class H:
    def __eq__(self, o): return True
    def __hash__(self): return 7
class HI(H, int):
    pass
print(hash(HI(3)), HI(3) == 4, HI(3) + 1)
class A: __slots__ = ('a',)
try:
    class B(A, int): pass
except TypeError as e: print(e)
try:
    class C(int, str): pass
except TypeError as e: print(e)
class L(list, A.__mro__[-1]): pass
print(L([1]))
