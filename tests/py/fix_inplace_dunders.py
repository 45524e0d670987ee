# In-place operators on classes: __iadd__, ... (any operator), inherited slots overridden,
# methods assigned after class creation, NotImplemented falling back to the binary operator.
class L(list):
    def __iadd__(self, o):
        print("L.iadd"); return self
l = L([1]); l += [2]; print(l)
class M(list): pass
m = M([1]); m2 = m; m += [3]; print(m, m is m2)
class S(set): pass
s = S({1}); s |= {2}; print(s)
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + o)
n = N(1); n2 = n; n += 2; print(n.v, n is n2)
class P:
    def __ipow__(self, o): return "ipow"
    def __ifloordiv__(self, o): return NotImplemented
p = P(); p **= 2; print(p)
q = P()
try: q //= 2
except TypeError as e: print(e)
N.__iadd__ = lambda self, o: "late"
k = N(0); k += 1; print(k)
