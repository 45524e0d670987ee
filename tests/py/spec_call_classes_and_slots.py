# CALL_BUILTIN_CLASS, CALL_NON_PY_GENERAL and LOAD_ATTR_NONDESCRIPTOR_NO_DICT: hits, and
# misses after the specialisation (a rebound name, another callable kind, a changed class).
import builtins


def conv(xs):
    out = []
    for x in xs:
        out.append((int(x), float(x), tuple(str(x)), bool(x), list(range(int(x) % 3))))
    return out[-1]


print(conv([str(i) for i in range(70)]))


def errs(n):
    caught = []
    for i in range(n):
        try:
            if i % 2:
                raise KeyError(i)
            raise ValueError("v", i)
        except (KeyError, ValueError) as e:
            caught.append((type(e).__name__, e.args))
    return caught[-2:]


print(errs(70))


# A builtin class name rebound to a Python function, then to a class with __init__.
def make(n):
    return [int(i) for i in range(n)][-1]


print(make(70))
real_int = builtins.int
builtins.int = lambda x: ("fake", x)
print(make(3))


class MyInt(real_int):
    def __new__(cls, x):
        return real_int.__new__(cls, x * 10)


builtins.int = MyInt
print(make(3), type(make(3)).__name__)
builtins.int = real_int
print(make(70))


# Errors raised by a builtin class call.
def bad(n):
    msgs = []
    for i in range(n):
        try:
            int("x%d" % i if i == n - 1 else "7")
        except ValueError as e:
            msgs.append(str(e))
    return msgs


print(bad(70))


# CALL_NON_PY_GENERAL: callable instances, bound builtins, classes with a Python __new__.
class Adder:
    def __init__(self, k):
        self.k = k

    def __call__(self, x):
        return x + self.k


class WithNew:
    def __new__(cls, x):
        o = object.__new__(cls)
        o.x = x
        return o


def general(callables, n):
    out = []
    for i in range(n):
        for c in callables:
            r = c(i)
            out.append(r if not isinstance(r, WithNew) else ("WithNew", r.x))
    return out[-4:]


lst = []
print(general([Adder(5), lst.append, WithNew, abs], 70), len(lst))
# The same site with a Python function and a bound method (misses).
print(general([lambda x: -x, Adder(1).__call__], 70))
Adder.__call__ = lambda self, x: ("replaced", x)
print(general([Adder(5)], 3))


# LOAD_ATTR_NONDESCRIPTOR_NO_DICT: class attributes of __slots__ instances.
class P:
    __slots__ = ("x",)
    scale = 3
    label = "p"

    def __init__(self, x):
        self.x = x


class Q(P):
    __slots__ = ()
    scale = 4


def scaled(objs):
    return [o.x * o.scale for o in objs]


ps = [P(i) for i in range(70)]
print(scaled(ps)[-3:], scaled([Q(2), P(2)] * 3))
P.scale = 10
print(scaled(ps)[-3:])
del P.scale
try:
    scaled(ps)
except AttributeError as e:
    print("AttributeError", e)
P.scale = property(lambda self: -1)
print(scaled(ps)[-2:])


def labels(objs):
    return "".join(o.label for o in objs)


print(labels([P(1), Q(1)] * 35)[-4:])
Q.label = "q"
print(labels([P(1), Q(1)] * 2))


# A builtin type's instance (no dict): class attributes through the type.
def imags(xs):
    return [x.imag for x in xs][-2:], [x.numerator for x in xs][-2:]


print(imags(list(range(70))))
