# Frames on the thread's data stack: deep recursion across chunks, finalisers that run frames
# while a returning or unwinding frame is cleared, generators resumed from deep frames, native
# runs (sorted key=, __eq__) from inside deep frames, f_back and tracebacks through all of it.
import sys

sys.setrecursionlimit(4000)


def many_locals(n):
    a = b = c = d = e = f = g = h = i = j = n
    if n == 0:
        return sys._getframe().f_back.f_code.co_name, a + j
    return many_locals(n - 1)


print(many_locals(3000))

log = []


class Fin:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        x, y = self.tag, len(sys._getframe().f_back.f_code.co_name)
        log.append((x, helper(y)))


def helper(v):
    w = [v] * 4
    return sum(w)


def returns():
    d = Fin("ret")
    return 5


def caller():
    p, q = "p", "q"
    r = returns()
    return p, q, r


print(caller(), log)


def raises():
    d = Fin("exc")
    raise KeyError("k")


def catcher():
    keep = [1, 2, 3]
    try:
        raises()
    except KeyError as e:
        return keep, repr(e)


print(catcher(), log[-1][0])


def gen():
    total = 0
    while True:
        v = yield total
        total += helper(v)


def drive(depth, g):
    if depth:
        return drive(depth - 1, g)
    return [g.send(i) for i in range(4)]


g = gen()
next(g)
print(drive(1500, g))


class Key:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        a, b = self.v, other.v
        return a < b


def sorter(depth):
    if depth:
        return sorter(depth - 1)
    return [k.v for k in sorted([Key(3), Key(1), Key(2)])]


print(sorter(2000))


def down(n):
    if n == 0:
        raise ValueError("bottom")
    down(n - 1)


try:
    down(2500)
except ValueError as e:
    tb = e.__traceback__
    depth = 0
    while tb is not None:
        depth += 1
        tb = tb.tb_next
    print("traceback entries", depth)


def recurse_forever(n):
    return recurse_forever(n + 1)


for _ in range(2):
    try:
        recurse_forever(0)
    except RecursionError as e:
        print(type(e).__name__, e)
print(many_locals(100))
