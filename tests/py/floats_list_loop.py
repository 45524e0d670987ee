# FOR_ITER_LIST / FOR_ITER_TUPLE with the loop variable's STORE_FAST folded in: mutation of the
# list during the loop, captured and deleted loop variables, nested unpacking, and tracing.
import sys


def mutate(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if len(xs) < 8:
            xs.append(x * 10)
    return seen, xs


def shrink(xs):
    seen = []
    for x in xs:
        seen.append(x)
        if xs:
            xs.pop()
    return seen


def captured(xs):
    fs = []
    for x in xs:
        fs.append(lambda: x)
    return [f() for f in fs]


def deleted(xs):
    n = 0
    for x in xs:
        n += x
        del x
    try:
        x
    except UnboundLocalError as e:
        return n, str(e)


def tuples(ts):
    out = []
    for t in ts:
        out.append(t[::-1])
    for a, b in ts:
        out.append(a + b)
    return out


def comprehension(xs):
    return [x * x for x in xs if x % 2], {x: x + 1 for x in xs}, {x for x in xs}


def traced(xs):
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "body":
            events.append((event, frame.f_lineno - body.__code__.co_firstlineno))
        return tracer

    def body():
        t = 0
        for x in xs:
            t += x
        return t

    sys.settrace(tracer)
    try:
        r = body()
    finally:
        sys.settrace(None)
    return r, events


class L(list):
    def __iter__(self):
        return iter(list(reversed(self)))


print(mutate([1, 2, 3]))
print(shrink([1, 2, 3, 4, 5, 6]))
print(captured([1, 2, 3]))
print(deleted(list(range(10))))
print(tuples([(1, 2), (3, 4)] * 3))
print(comprehension(list(range(12))))
print(traced([1, 2, 3]))
print([x for x in L([1, 2, 3])] * 1)
total = 0
for v in [1.5, 2.5] * 50:
    total += v
print(total, v)
