# Values read back from dicts after being replaced: class methods swapped while instances call
# them, module globals rebound, instance attributes overwritten, builtins shadowed and restored.
# Each replaced value loses its last reference at the swap.
import sys


class A:
    def m(self):
        return "original"


o = A()
seen = []
for i in range(300):
    seen.append(o.m())
    if i % 3 == 0:
        def m(self, i=i):
            return "def %d" % i
    elif i % 3 == 1:
        m = lambda self, i=i: "lambda %d" % i
    else:
        m = A.__dict__["m"]
    A.m = m
    del m
print(seen[:5], seen[-3:], len(set(seen)))


def g():
    return "g0"


calls = []
for i in range(100):
    calls.append(g())
    exec("def g():\n    return 'g%d'\n" % (i + 1))
print(calls[:3], calls[-2:])


class B:
    pass


b = B()
for i in range(50):
    b.x = [i] * 3
    assert b.x == [i, i, i]
print(b.x, B.__dict__.get("x"), vars(b))

d = {"k": object()}
for i in range(100):
    d["k"] = (i, str(i))
print(d.get("k"), d["k"], d.get("missing", "default"))

len = lambda x: -1
print(len([1, 2]))
del len
print(len([1, 2]))


class Meta(type):
    pass


class C(metaclass=Meta):
    attr = "class attr"


for i in range(20):
    C.attr = "v%d" % i
    print(C.attr, C().attr, end=" ")
print()
del C.attr
try:
    C.attr
except AttributeError as e:
    print("AttributeError:", e)
print(sys.getrefcount(o) >= 2)
