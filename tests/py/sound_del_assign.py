class C:
    pass

def fin(self):
    print("finalising", self.name)

c = C(); c.name = "c1"
C.__del__ = fin
del c
print("after first")

class D(C):
    pass
d = D(); d.name = "d1"
del d
del C.__del__
c = C(); c.name = "c2"
del c
print("deleted __del__, no output above")

class E:
    def __del__(self):
        print("E del", self.x)
e = E(); e.x = 1
del E.__del__
del e
print("E without __del__")
E.__del__ = lambda self: print("lambda del", self.x)
e = E(); e.x = 2
del e
class F(E):
    def __del__(self):
        print("F del")
f = F(); f.x = 3
del E.__del__
del f
class G(list):
    pass
g = G([1])
G.__del__ = lambda self: print("G del", self)
del g
del G.__del__
g = G([2]); del g
print("end")

# A finalizer assigned later runs for objects in a collected cycle, once.
import gc
class H:
    pass
h = H(); h.me = h; h.name = "cycle"
H.__del__ = fin
del h
gc.collect()
print("collected")

# Resurrection through an assigned __del__: it does not run a second time.
saved = []
class R:
    pass
def keep(self):
    print("keep", self.n)
    saved.append(self)
R.__del__ = keep
r = R(); r.n = 1
del r
print(len(saved))
saved.clear()
print("cleared")

# A subclass that defines its own __del__ keeps it when the base's goes.
class P:
    def __del__(self):
        print("P del")
class Q(P):
    pass
P.__del__ = lambda self: print("P del 2")
q = Q(); del q
del P.__del__
q = Q(); del q
print("Q has none")
print(hasattr(Q, "__del__"))
