# Class attribute changes seen through the type attribute cache: values replaced while their
# __del__ reads the name, classes collected in cycles and new ones made at the same time, an
# mro() override that reorders the bases, __bases__ assignment under it, and super().
import gc


class V:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag, "-> C.x is", getattr(C, "x", None).tag if hasattr(C, "x") else None)


class C:
    x = V("first")


def reads(get, n=40):
    r = None
    for _ in range(n):
        r = get()
    return r


c = C()
print(reads(lambda: C.x).tag, reads(lambda: c.x).tag)
C.x = V("second")
print(reads(lambda: C.x).tag, reads(lambda: c.x).tag)
del C.x
print(hasattr(C, "x"), hasattr(c, "x"))
C.x = V("third")
print(reads(lambda: c.x).tag)


# Classes that die in cycles while lookups on them were cached; new classes with the same names.
def make(n):
    class Node:
        val = n

        def get(self):
            return self.val

    Node.self_ref = Node  # a cycle through the class dict
    return Node


total = 0
for i in range(30):
    K = make(i)
    k = K()
    total += reads(lambda: k.get(), 5) + reads(lambda: K.val, 5)
    del K, k
    if i % 7 == 0:
        gc.collect()
print("total", total)


# An mro() override that reorders the bases: changes of either base are seen.
class A:
    f = "A.f"


class B:
    f = "B.f"


class Reorder(type):
    def mro(cls):
        order = super().mro()
        if cls.__name__ == "R":
            return [order[0], order[2], order[1]] + order[3:]
        return order


class R(A, B, metaclass=Reorder):
    pass


r = R()
print([k.__name__ for k in R.__mro__], reads(lambda: r.f), reads(lambda: R.f))
B.f = "B.f2"
print(reads(lambda: r.f), reads(lambda: R.f))
del B.f
print(reads(lambda: r.f), reads(lambda: R.f))
R.__bases__ = (B, A)
print([k.__name__ for k in R.__mro__], reads(lambda: r.f))
A.f = "A.f2"
print(reads(lambda: r.f), reads(lambda: R.f))


# super() through cached lookups, with a base's method replaced between calls.
class P:
    def who(self):
        return "P"


class Q(P):
    def who(self):
        return "Q>" + super().who()


class S(Q):
    def who(self):
        return "S>" + super().who()


s = S()
print(reads(lambda: s.who()))
P.who = lambda self: "P2"
print(reads(lambda: s.who()))
del Q.who
print(reads(lambda: s.who()))
