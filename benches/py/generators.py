"""Generators: pipelines of generator functions, yield from, send, and generator expressions."""
N = 1_800_000


def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def squares(it):
    for v in it:
        yield v * v


def chained(n):
    yield from numbers(n // 2)
    yield from numbers(n // 2)


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total // count


def run(n):
    s = sum(squares(evens(numbers(n))))
    s += sum(x for x in chained(n) if x % 3)
    a = averager()
    next(a)
    last = 0
    for i in range(n // 3):
        last = a.send(i)
    return s + last


print("checksum", run(N))
