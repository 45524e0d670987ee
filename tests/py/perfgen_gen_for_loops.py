# For-loops and yield from over generators (FOR_ITER_GEN / SEND_GEN): close, throw,
# return values, exceptions, re-entrancy and sys.exception() inside resumed frames.
import sys


def count(n, log):
    try:
        for i in range(n):
            yield i
        return "done"
    finally:
        log.append("finally %d" % n)


log = []
for x in count(3, log):
    log.append(x)
print(log)

# break leaves the generator suspended; dropping it closes it (finally runs)
log = []
g = count(10, log)
for x in g:
    if x == 2:
        break
print(log, g.gi_running, g.gi_frame is not None)
del g
print(log)

# close() from inside the loop body over the same generator
log = []
g = count(5, log)
for x in g:
    log.append(x)
    if x == 1:
        print("close returns", g.close())
print(log)

# throw() from inside the loop body: the generator does not catch it
g = count(5, [])
try:
    for x in g:
        if x == 2:
            g.throw(KeyError("boom"))
except KeyError as e:
    print("caught", repr(e))
print(list(g))


def catcher():
    while True:
        try:
            yield 1
        except ValueError as e:
            yield "handled %s" % e


g = catcher()
out = []
for x in g:
    out.append(x)
    if len(out) == 2:
        out.append(g.throw(ValueError("v")))
    if len(out) > 5:
        break
print(out)


# the generator's return value: ignored by for, StopIteration.value by next, yield from's value
def ret(v):
    yield 1
    return v


print([x for x in ret(5)])
g = ret(7)
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)


def outer():
    r = yield from ret(9)
    yield ("got", r)
    r = yield from ret(None)
    yield ("got", r)


print(list(outer()))


# yield from passes send and throw to the innermost generator
def inner():
    total = 0
    while True:
        try:
            v = yield total
        except KeyError:
            v = 100
        if v is None:
            return total
        total += v


def middle():
    r = yield from inner()
    return ("middle", r)


def top():
    r = yield from middle()
    yield r


g = top()
print(next(g), g.send(1), g.send(2), g.throw(KeyError), g.send(None))


# an exception raised inside a generator propagates out of the for loop, with the
# generator's frame in the traceback
def bad(n):
    for i in range(n):
        if i == 2:
            raise ValueError("bad at %d" % i)
        yield i


def consume():
    seen = []
    for x in bad(5):
        seen.append(x)
    return seen


try:
    consume()
except ValueError as e:
    names = []
    tb = e.__traceback__
    while tb is not None:
        names.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print("traceback", names)


# StopIteration raised inside a generator becomes RuntimeError (PEP 479)
def stops():
    yield 1
    raise StopIteration("x")


try:
    for x in stops():
        pass
except RuntimeError as e:
    print(type(e).__name__, e, type(e.__cause__).__name__, e.__cause__)


# a generator that drives itself: already executing
def selfish():
    yield next(me)


me = selfish()
try:
    for x in me:
        pass
except ValueError as e:
    print("ValueError", e)


# sys.exception() inside a generator resumed by a for loop in an except block
def peek_exc():
    yield repr(sys.exception())
    try:
        raise KeyError("inner")
    except KeyError:
        yield repr(sys.exception())
    yield repr(sys.exception())


try:
    raise IndexError("outer")
except IndexError:
    print([x for x in peek_exc()])
print(repr(sys.exception()))

# a generator suspended inside its except block keeps its own handled exception
g = peek_exc()
print(next(g), next(g))
print(repr(sys.exception()))
print(next(g))


# nested for-loops over generators and generator expressions
def pairs(n):
    for i in range(n):
        for j in (k * k for k in range(i)):
            yield i, j


print(list(pairs(4)))
print(sum(x for x in count(100, []) if x % 3))


# deep yield from chains run in one loop
def chain(n):
    if n == 0:
        yield "leaf"
        return 0
    r = yield from chain(n - 1)
    return r + 1


g = chain(50)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("depth", e.value)


# a generator that is exhausted stays exhausted
g = count(2, [])
print(list(g), list(g))


# a generator frame left by an exception reports the right line
def fails_late():
    yield 1
    yield 2
    1 / 0


for x in fails_late():
    print("item", x)
