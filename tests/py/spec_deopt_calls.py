# Calls specialised for exact arguments, then made with other shapes.


def f(a, b):
    return a * 10 + b


print([f(i, 1) for i in range(3)])


def g(a, b=5):
    return a + b


print([g(i) for i in range(3)], g(1, 2), g(b=1, a=2))


def call_it(fn, *args):
    return fn(*args)


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, k):
        self.n += k
        return self.n


c = Counter()
print([c.inc(1) for _ in range(4)])
m = c.inc
print([m(2) for _ in range(3)])


def apply(fn, x):
    return fn(x)


print([apply(abs, -i) for i in range(3)], apply(c.inc, 10), apply(lambda v: v * 2, 4), apply(str, 12))

# Wrong argument counts after the fast path: CPython's messages.
for args in [(1, 2), (1,), (1, 2, 3)]:
    try:
        print(f(*args))
    except TypeError as e:
        print("TypeError:", e)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


print(depth(200))
try:
    depth(5000)
except RecursionError as e:
    print("RecursionError:", e)


def boom(x):
    return 1 // x


def outer(x):
    return boom(x) + 1


print([outer(1) for _ in range(3)])
outer(0)
