# Comparisons followed by a conditional jump (the specialised COMPARE_OP forms consume the jump
# with their result): every operand kind, type changes mid-loop, NaN, mixed int/float, and
# comparisons whose result is kept rather than jumped on.
import math


def count_less(xs, limit):
    n = 0
    for x in xs:
        if x < limit:
            n += 1
    return n


def count_not_ge(xs, limit):
    n = 0
    for x in xs:
        if not x >= limit:
            n += 1
    return n


def while_loop(n):
    i = 0
    steps = 0
    while i < n:
        i += 3
        steps += 1
    return i, steps


def kept(xs):
    return [x == 2 for x in xs], [x != 2.0 for x in xs]


def chained(xs):
    return [1 < x <= 3 for x in xs], sum(1 for x in xs if 0 < x < 3)


class Weird:
    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        return self.v < other

    def __bool__(self):
        raise AssertionError("never asked")


class Truthy:
    def __init__(self, r):
        self.r = r

    def __lt__(self, other):
        return self.r


class Falsy:
    def __bool__(self):
        print("bool called")
        return False


ints = list(range(20))
floats = [x / 2 for x in range(20)]
print(count_less(ints, 10), count_less(floats, 5.0), count_less(floats, 5))
print(count_less(ints + floats, 7), count_less(ints + [2**70, -2**70], 3))
print(count_less([math.nan, 1.0, math.inf, -math.inf] * 20, 0.5))
print(count_not_ge([math.nan] * 60 + [1.0] * 3, 0.5))
print(count_less(["a", "b", "c"] * 20, "b"))
print(count_less([True, False] * 30, 1))
print(while_loop(100), while_loop(100.5))
print(kept([1, 2, 2.0, 3] * 16))
print(chained([0, 1, 2, 3, 4] * 12))
print(count_less([Weird(1), Weird(5)] * 30, 3))
print(count_less([Truthy(Falsy())], 1))
print(count_less([2**63, 2**63 - 1, -2**63] * 20, 2**63))
print(count_less([2**53 + 1] * 60, float(2**53)))
try:
    count_less([1] * 60 + ["x"], 3)
except TypeError as e:
    print("TypeError:", e)


def traced():
    import sys
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "body":
            events.append((event, frame.f_lineno - body.__code__.co_firstlineno))
        return tracer

    def body(xs):
        n = 0
        for x in xs:
            if (x
                    < 2.5):
                n += 1
            if x < 2:
                n += 10
        return n

    body([1.0, 2, 3.5] * 20)
    sys.settrace(tracer)
    try:
        r = body([1.0, 2, 3.5])
    finally:
        sys.settrace(None)
    return r, events


print(traced())
