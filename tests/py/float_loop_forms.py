# The forms nbody/raytrace-style loops run: `a[i] op= x` (COPY 2; COPY 2 ... SWAP 3; SWAP 2;
# STORE_SUBSCR, which the loop runs fused when not tracing), list item reads and stores by
# int, float operands of the generic BINARY_OP (`**`, `/`), and instance attribute loads; each
# specialised, then missing its guard, then traced opcode by opcode.
import sys


def aug(v, i, x):
    v[i] -= x
    v[i] *= 2.0
    v[i] += v[i - 1] if i > 0 else 0.0
    return v


vals = [1.0, 2.0, 3.0]
for n in range(200):
    aug(vals, n % 3, n * 0.25)
print([round(x, 6) for x in vals])

# guard misses after specialising: an int list, a negative index, a dict, a tuple, a custom type
print(aug([1, 2, 3], 2, 1))
print(aug([1.0, 2.0, 3.0], -1, 0.5))
d = {0: 1.5, 1: 2.5}
print(aug(d, 1, 1.0))
try:
    aug((1.0, 2.0), 0, 1.0)
except TypeError as e:
    print("TypeError", e)


class Loud:
    def __init__(self):
        self.items = [10, 20, 30]

    def __getitem__(self, k):
        print("get", k)
        return self.items[k]

    def __setitem__(self, k, v):
        print("set", k, v)
        self.items[k] = v


print(aug(Loud(), 1, 3).items)

# an index out of range on the store: IndexError from the read first, as CPython
short = [1.0]
try:
    for k in range(3):
        short[k] += 1.0
except IndexError as e:
    print("IndexError", e, short)

# a list shrunk by the value's own evaluation: the store sees the shorter list
class Shrinker:
    def __rsub__(self, other):
        del grow[:]
        return other


grow = [1.0, 2.0, 3.0]
for k in range(40):
    grow = [1.0, 2.0, 3.0]
    try:
        grow[2] -= (Shrinker() if k == 39 else 0.5)
    except IndexError as e:
        print("IndexError", e, grow)
print(grow)

# generic BINARY_OP with float operands: `**`, `/`, mixed int and float, errors
acc = 0.0
for k in range(1, 100):
    s = (k * 0.5 + 1.0) * 2.0
    acc += s ** (-1.5) + s / 3.0 + (k ** 0.5) + 2 ** -1.0
print(round(acc, 9))
try:
    0.0 ** -1.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print((-8.0) ** (1.0 / 3.0))
print(1.5 / 2, 3 / 1.5, 10.0 ** 400 if False else 2.0 ** 10)


# instance attribute loads: specialised, a method form whose value is an instance callable,
# then misses (attribute deleted, values replaced by a dict, another class)
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y
        self.f = len


def norm(p):
    return p.x * p.x + p.y * p.y


def call_attr(p):
    return p.f("abc")


ps = [Vec(float(k), k + 0.5) for k in range(50)]
print(sum(norm(p) for p in ps), sum(call_attr(p) for p in ps))
q = Vec(1.0, 2.0)
del q.y
try:
    norm(q)
except AttributeError as e:
    print("AttributeError", e)
q.__dict__ = {"x": 3.0, "y": 4.0, "f": abs}
print(norm(q), q.f(-2))


class Other:
    x = 5.0
    y = 6.0
    f = staticmethod(str)


print(norm(Other()), call_attr(Other()))


# traced opcode by opcode: every instruction of the fused pairs is reported
def tracer(frame, event, arg):
    if frame.f_code.co_name == "aug":
        frame.f_trace_opcodes = True
        if event == "opcode":
            events.append(frame.f_lasti)
    return tracer


events = []
sys.settrace(tracer)
aug([1.0, 2.0, 3.0], 1, 0.5)
sys.settrace(None)
print(len(events), events)
print(aug([1.0, 2.0, 3.0], 1, 0.5))
