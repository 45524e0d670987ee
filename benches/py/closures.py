"""Closures: nested functions, nonlocal counters, closures created in loops, decorators."""
N = 900_000


def make_counter():
    count = 0

    def inc(step):
        nonlocal count
        count += step
        return count

    return inc


def make_adders(k):
    return [lambda x, i=i: x + i for i in range(k)]


def memo(fn):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]

    return wrapper


def compose(f, g):
    return lambda x: f(g(x))


def run(n):
    c = make_counter()
    adders = make_adders(10)
    double_inc = compose(lambda x: x * 2, lambda x: x + 1)
    total = 0
    for i in range(n):
        total += c(i & 3)
        total += adders[i % 10](i)
        total += double_inc(i & 255)
    for _ in range(n // 1000):
        @memo
        def tri(m):
            return 0 if m == 0 else m + tri(m - 1)

        total += tri(200)
    return total


print("checksum", run(N))
