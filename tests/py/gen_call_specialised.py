# Generator, coroutine and async generator functions called many times from one call site
# (the CALL forms enter their frame like any function's; RETURN_GENERATOR returns the object),
# and the same call sites then handed other callables (the guards' misses).
import sys


def numbers(n):
    for i in range(n):
        yield i


def with_default(n, step=1):
    i = 0
    while i < n:
        yield i
        i += step


class Box:
    def __init__(self, k):
        self.k = k

    def items(self, n):
        for i in range(n):
            yield self.k * i


def plain(n):
    return [n]


def total(f, n):
    t = 0
    for _ in range(40):
        for v in f(n):
            t += v if isinstance(v, int) else len(v)
    return t


print(total(numbers, 5))
print(total(with_default, 6))
print(total(plain, 3))          # the same call site, now a plain function
print(total(lambda n: (x * 2 for x in range(n)), 4))

b = Box(3)
m = b.items
acc = []
for _ in range(40):
    acc.append(sum(m(4)))        # a bound method whose function is a generator function
print(acc[:3], len(acc))

gens = [numbers(i) for i in range(30)]
print([g.gi_frame.f_lasti >= 0 for g in gens[:2]], gens[3].gi_running, gens[3].gi_suspended)
print(type(gens[0]).__name__, gens[0].__name__, gens[0].__qualname__)
print(next(gens[5]), list(gens[5]))

# The function's names are its code's.
fs = [(lambda: (yield 1)) for _ in range(3)]
print(fs[0].__qualname__, fs[0].__name__, fs[0].__code__.co_qualname, fs[0].__code__.co_name)
print(fs[0].__qualname__ == fs[1].__qualname__, fs[0].__code__.co_qualname == fs[0].__qualname__)
fs[1].__qualname__ = "renamed"
fs[1].__name__ = "renamed_name"
print(fs[0].__qualname__, fs[1].__qualname__, fs[1].__name__, fs[1]().__qualname__, fs[2]().__name__)

# Wrong arguments at a specialised site: the generic path's error, no generator made.
def call_with(f, *args):
    for _ in range(35):
        try:
            g = f(*args)
        except TypeError as e:
            return "TypeError: " + str(e)
    return type(g).__name__

print(call_with(numbers, 3))
print(call_with(numbers))
print(call_with(numbers, 1, 2))
print(call_with(with_default, 1, 2, 3))

# A generator function's frame: f_back while it runs is its resumer's.
def where():
    yield sys._getframe().f_back.f_code.co_name
    yield sys._getframe(1).f_code.co_name

def drive():
    out = []
    for _ in range(35):
        g = where()
        out.append(next(g))
        out.append(g.send(None))
    return out[-2:]

print(drive())

# An exception raised in a generator made at a specialised site: the traceback.
def bad(n):
    yield 1 // n

def run_bad():
    for n in [1] * 35 + [0]:
        for _ in bad(n):
            pass

try:
    run_bad()
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno - tb.tb_frame.f_code.co_firstlineno))
        tb = tb.tb_next
    print(names)

# A generator method used as __init__ or as a property getter (plain-function forms only).
class Weird:
    def __init__(self):
        yield 1

for _ in range(3):
    try:
        Weird()
    except TypeError as e:
        print(e)

class Prop:
    @property
    def gen(self):
        yield self

p = Prop()
print([type(p.gen).__name__ for _ in range(35)][-1], next(p.gen) is p)

# Coroutines and async generators through the same call forms.
async def coro(x):
    return x * 2

async def agen(n):
    for i in range(n):
        yield i

def drive_coro():
    out = 0
    for i in range(35):
        c = coro(i)
        try:
            c.send(None)
        except StopIteration as e:
            out += e.value
    return out

def drive_agen():
    out = []
    for _ in range(35):
        a = agen(2)
        it = a.__anext__()
        try:
            it.send(None)
        except StopIteration as e:
            out.append(e.value)
    return out[-1], len(out)

print(drive_coro(), drive_agen())
