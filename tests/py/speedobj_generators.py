# Generator frames moving in and out of the eval loop: state, frame attributes, delegation,
# send/throw/close, handled exceptions and finalisation, through both the in-loop path
# (FOR_ITER_GEN / SEND_GEN) and the native one (next(), sum(), list(), send()).
import sys


def numbers(n):
    for i in range(n):
        yield i


def evens(it):
    for v in it:
        if v % 2 == 0:
            yield v


def chained(n):
    yield from numbers(n)
    r = yield from inner_ret()
    yield r


def inner_ret():
    yield "inner"
    return "returned"


print(sum(evens(numbers(20))), list(chained(3)))
print([x * x for x in evens(numbers(10))])

# gi_running, gi_code and gi_frame while running (the frame's globals move into the running
# frame record and back).
def introspect():
    g = yield
    yield (g.gi_running, g.gi_code.co_name, g.gi_frame.f_code.co_name, g.gi_frame.f_globals is globals())
    yield "after"


g = introspect()
next(g)
print(g.send(g))
print(g.gi_running, g.gi_suspended, g.gi_frame.f_lineno, g.gi_frame.f_globals is globals())
print(sorted(g.gi_frame.f_locals))
print(next(g), g.gi_frame is not None)
try:
    next(g)
except StopIteration as e:
    print("stop", e.value, g.gi_frame, g.gi_code.co_name)

# A suspended generator's frame object made before resuming stays the same object.
def counter():
    total = 0
    while True:
        total += yield total


c = counter()
next(c)
f1 = c.gi_frame
c.send(5)
print(f1 is c.gi_frame, c.gi_frame.f_locals["total"], c.send(7))
print(c.gi_frame.f_globals is globals(), c.gi_frame.f_builtins is __builtins__.__dict__)

# throw / close with finally, inside yield from.
log = []


def worker():
    try:
        while True:
            try:
                v = yield
                log.append(v)
            except ValueError as e:
                log.append("caught " + str(e))
    finally:
        log.append("closed")


def outer():
    yield from worker()


o = outer()
next(o)
o.send(1)
o.throw(ValueError("boom"))
o.send(2)
o.close()
print(log, o.gi_frame)

# An exception leaving a generator finishes it; the traceback names its frame.
def failing():
    yield 1
    raise KeyError("k")


fg = failing()
print(next(fg))
try:
    next(fg)
except KeyError as e:
    print("KeyError", e, e.__traceback__.tb_next.tb_frame.f_code.co_name)
print(list(fg), fg.gi_frame)

# Already executing.
def selfish():
    yield next(me)


me = selfish()
try:
    next(me)
except ValueError as e:
    print(e)

# sys.exception() inside a generator falls back to its resumer's handled exception, and the
# generator's own handled exception survives a suspension.
def exc_seer():
    yield repr(sys.exception())
    try:
        raise TypeError("own")
    except TypeError:
        yield repr(sys.exception())
        yield repr(sys.exception())
    yield repr(sys.exception())


s = exc_seer()
try:
    raise RuntimeError("outer")
except RuntimeError:
    print(next(s))
    print(next(s))
print(next(s))
print(next(s))

# Generators resumed from native code inside generators resumed in the loop, deep enough to
# grow the value array during a native resumption.
def deep(n):
    if n == 0:
        yield from range(3)
    else:
        yield from deep(n - 1)


print(sum(deep(30)), max(x for x in deep(5)), list(zip(deep(2), deep(3))))

# StopIteration inside a generator becomes RuntimeError (PEP 479).
def leaky():
    yield 1
    next(iter([]))


try:
    list(leaky())
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__)

# can't send non-None to a just-started generator
try:
    numbers(3).send(1)
except TypeError as e:
    print(e)

# A generator dropped while suspended is closed.
def dropped():
    try:
        yield 1
    finally:
        print("finally of dropped")


d = dropped()
next(d)
del d
print("end")
