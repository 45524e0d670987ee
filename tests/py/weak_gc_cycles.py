# The cycle collector: gc.collect() counts for simple cycles, finalizers in cycles, resurrection.
import gc
import _weakref

print(gc.isenabled(), gc.get_threshold())
gc.collect()


class A:
    pass


a = A()
a.x = a
r = _weakref.ref(a, lambda r: print("A collected"))
del a
print("instance", gc.collect())

l = []
l.append(l)
del l
print("list", gc.collect())

d = {}
d["d"] = d
del d
print("dict", gc.collect())

l1, l2 = [], []
l1.append(l2)
l2.append(l1)
del l1, l2
print("two lists", gc.collect())


def outer():
    def f():
        return f

    return f


f = outer()
rf = _weakref.ref(f, lambda r: print("closure collected"))
del f
print("closure", gc.collect())


class D:
    def __del__(self):
        print("D del", self.name)


x = D()
x.name = "x"
y = D()
y.name = "y"
x.o = y
y.o = x
del x, y
print("cycle with __del__", gc.collect())

saved = None


class R:
    def __del__(self):
        global saved
        saved = self
        print("resurrect")


z = R()
z.me = z
del z
print("resurrected", gc.collect(), saved.me is saved)
saved = None
print("after resurrection", gc.collect())


class H:
    def __hash__(self):
        return 1


s = set()
h = H()
h.s = s
s.add(h)
del h, s
print("set", gc.collect())

t = A()
t.tup = (t, 1)
del t
print("tuple", gc.collect())


class Slotted:
    __slots__ = ("other",)


s1, s2 = Slotted(), Slotted()
s1.other, s2.other = s2, s1
del s1, s2
print("slots", gc.collect())

class WithMethod:
    def meth(self):
        pass


m = WithMethod()
m.bound = m.meth
del m
print("bound method", gc.collect())

alive = []
alive.append(alive)
print("reachable", gc.collect(), len(alive))
print("nothing", gc.collect(), gc.collect(generation=0))
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
print(gc.is_tracked([]), gc.is_tracked(1), gc.is_tracked(A()), gc.is_tracked("s"), gc.is_tracked({"k": []}))
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())
gc.set_threshold(500, 5)
print(gc.get_threshold())
e = A()
print(gc.is_finalized(e))
