# The CALL_PY_EXACT_ARGS family's fast entry: which code shapes take it (a plain function whose
# positional parameters the call fills exactly), which do not (keyword-only parameters,
# *args/**kwargs, generators, coroutines), a call site that sees several shapes (the guard
# misses and the generic call runs), values the caller keeps on its stack across the call, and
# errors and recursion unwinding through frames entered this way.
import sys


def plain(a, b):
    return a - b


def kwonly(a, b, *, c=5):
    return a - b + c


def star(a, b, *rest):
    return a - b + len(rest)


def starkw(a, b, **kw):
    return a - b + len(kw)


def gen(a, b):
    yield a
    yield b


async def coro(a, b):
    return a - b


def defaults(a, b=3):
    return a - b


shapes = [plain, kwonly, star, starkw, defaults]
for f in shapes:
    total = 0
    for i in range(40):
        total += f(i, 1)
    print(f.__name__, total)

# One call site, many shapes: the specialised form's guard misses and the generic call runs.
site = []
for i in range(60):
    f = shapes[i % len(shapes)] if i % 7 else gen
    r = f(i, 2)
    site.append(r if isinstance(r, int) else list(r))
print(site[:12], sum(x for x in site if isinstance(x, int)))

c = coro(9, 4)
try:
    c.send(None)
except StopIteration as e:
    print("coro", e.value)

# Values below the call window stay on the caller's stack across the call and after it.
def mix(n):
    out = []
    for i in range(n):
        out.append((i, plain(i, 1), [i, plain(2, i), i * 2], i + plain(i, i) + defaults(i)))
    return out


print(mix(30)[-3:])


# Bound methods: `self` moves into the callee; a method with a keyword-only parameter does not
# take the exact entry.
class K:
    def __init__(self, v):
        self.v = v

    def m(self, x):
        return self.v + x

    def kw(self, x, *, y=1):
        return self.v + x + y


k = K(10)
print(sum(k.m(i) for i in range(50)), sum(k.kw(i) for i in range(50)))
bm = k.m
print(sum(bm(i) for i in range(50)))


# __defaults__ replaced after the call site specialised: fewer defaults fail the binding with
# CPython's message, more defaults keep working.
def d2(a, b=1, c=2):
    return a + b + c


acc = 0
for i in range(40):
    acc += d2(i)
print("d2", acc)
d2.__defaults__ = (5, 6)
print("d2 more", d2(1))
d2.__defaults__ = (7,)
try:
    d2(1)
except TypeError as e:
    print("TypeError", e)
d2.__defaults__ = None
try:
    d2(1, 2)
except TypeError as e:
    print("TypeError", e)
print(d2(1, 2, 3))


# An exception leaving frames entered by the fast path: the traceback names each of them,
# and the callers' stacks are intact afterwards.
def boom(n):
    if n == 0:
        raise ValueError("deep")
    return boom(n - 1) + 1


for attempt in range(3):
    try:
        [1, 2, boom(5)]
    except ValueError as e:
        tb = e.__traceback__
        names = []
        while tb is not None:
            names.append(tb.tb_frame.f_code.co_name)
            tb = tb.tb_next
        print(attempt, e, names)


# Recursion limit reached through the fast path, then normal calls again.
def down(n):
    return down(n + 1)


old = sys.getrecursionlimit()
sys.setrecursionlimit(200)
try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)
sys.setrecursionlimit(old)
print(plain(7, 3), sum(plain(i, 1) for i in range(10)))


# The frame of a fast-path call, seen from inside: f_back is the caller, f_locals the moved
# arguments.
def inner(p, q):
    f = sys._getframe()
    return f.f_code.co_name, f.f_back.f_code.co_name, sorted((k, v) for k, v in f.f_locals.items() if k != "f")


def outer_call():
    res = None
    for i in range(20):
        res = inner(i, -i)
    return res


print(outer_call())
