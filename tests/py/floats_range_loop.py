# FOR_ITER_RANGE with its STORE_FAST folded in: the loop variable is renewed in place only when
# nothing else holds it; kept, aliased, deleted and cell variables keep CPython's results.
import sys


def kept(n):
    out = []
    for i in range(1000, 1000 + n):
        out.append(i)
    return out


def aliased(n):
    prev = None
    diffs = []
    for i in range(5000, 5000 + n):
        if prev is not None:
            diffs.append(i - prev)
        prev = i
    return prev, diffs


def deleted(n):
    total = 0
    for i in range(300, 300 + n):
        total += i
        del i
    return total


def small_identity():
    a, b = 256, 257
    same = []
    for i in range(250, 260):
        same.append((i, i is a if i == 256 else None))
    return same, b


def big_and_negative():
    out = []
    for i in range(2**63 - 3, 2**63 + 2):
        out.append(i)
    for i in range(-2**63 + 1, -2**63 - 3, -1):
        out.append(i)
    for i in range(1000, 990, -3):
        out.append(i)
    return out


def closure(n):
    fs = []
    for i in range(400, 400 + n):
        fs.append(lambda: i)
    return [f() for f in fs]


def gen(n):
    for i in range(700, 700 + n):
        yield i * 2


def mutate_type(n):
    x = 10**20
    for x in range(600, 600 + n):
        pass
    return x


def keys(n):
    d = {}
    for i in range(900, 900 + n):
        d[i] = i + 1
    return sorted(d.items())[:3], len(d)


def nested(n):
    total = 0
    for i in range(1000, 1000 + n):
        for j in range(2000, 2000 + n):
            total += i * j
    return total


def unused_variable(n):
    count = 0
    for _ in range(n):
        count += 1
    return count


def traced():
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "body":
            events.append((event, frame.f_lineno - body.__code__.co_firstlineno))
        return tracer

    def body():
        t = 0
        for i in range(1000, 1004):
            t += i
        return t

    sys.settrace(tracer)
    try:
        r = body()
    finally:
        sys.settrace(None)
    return r, events


print(kept(5))
print(aliased(6))
print(deleted(10))
print(small_identity())
print(big_and_negative())
print(closure(4))
print(list(gen(5)))
print(mutate_type(5))
print(keys(50))
print(nested(40))
print(unused_variable(1000))
print(traced())
r = 0
for k in range(10**6, 10**6 + 100):
    r ^= k
print(r, k)
