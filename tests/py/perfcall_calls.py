# Specialised call paths (run enough times to specialise): Python-to-Python calls with exact
# and defaulted arguments, bound methods, __init__ frames, property getters run as frames of
# the loop, one-argument builtins; their errors and tracebacks.
import sys


def add(a, b):
    return a + b


def scaled(x, k=2, j=1):
    return x * k + j


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm1(self):
        return abs(self.x) + abs(self.y)

    @property
    def swapped(self):
        return Point(self.y, self.x)

    @property
    def caller(self):
        return sys._getframe(1).f_code.co_name

    @property
    def broken(self):
        return self.missing


class Bad:
    def __init__(self, v):
        return v


def hot_loop(n):
    t = 0
    for i in range(n):
        p = Point(i, -i)
        t = add(t, p.norm1())
        t = t + scaled(i) + scaled(i, 3) + scaled(i, 1, 0)
        t = t + p.swapped.x + abs(-i)
    return t


print(hot_loop(50))
print(Point(1, 2).caller)


def read_broken(p):
    return p.broken


for attempt in range(20):
    try:
        read_broken(Point(1, 2))
    except AttributeError as e:
        last = e
print(type(last).__name__, last)


def make_bad(n):
    out = []
    for i in range(n):
        try:
            out.append(Bad(None if i < 5 else i))
        except TypeError as e:
            out.append(str(e))
    return out


print(make_bad(7)[-2:])


def three(a, b, c):
    return a + b + c


def wrong_arity():
    for i in range(12):
        f = add if i < 10 else three
        try:
            print(f(1, 2), end=" ")
        except TypeError as e:
            print(e)


wrong_arity()


def builtin_errors():
    for i in range(12):
        try:
            abs(-i if i < 10 else "x")
        except TypeError as e:
            print(e)


builtin_errors()


def deep(n):
    return 0 if n == 0 else 1 + deep(n - 1)


print(deep(500))
sys.setrecursionlimit(200)
try:
    deep(1000)
except RecursionError as e:
    print("RecursionError", e)


class Holder:
    @property
    def value(self):
        return 1 / 0


def final(h):
    return h.value


for i in range(10):
    try:
        final(Holder())
    except ZeroDivisionError:
        pass
final(Holder())
