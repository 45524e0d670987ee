# yield from / await chains run by SEND_GEN: send, throw and close through the chain,
# delegation to non-generator iterators, coroutines driven by hand, async for over async
# generators, and errors that cross the chain.
import sys


def leaf(log):
    try:
        x = yield "leaf-start"
        while True:
            log.append(("leaf got", x))
            x = yield x * 2
    except GeneratorExit:
        log.append("leaf closed")
        raise
    finally:
        log.append("leaf finally")


def mid(log):
    r = yield from leaf(log)
    log.append(("mid result", r))


log = []
g = mid(log)
print(next(g), g.send(1), g.send(5))
g.close()
print(log)

# throw lands in the innermost frame; an unhandled one unwinds through every level
log = []
g = mid(log)
next(g)
try:
    g.throw(IndexError("deep"))
except IndexError as e:
    print("IndexError through the chain", e, log)
print(g.gi_frame)


# the chain is resumed by a for loop: items from every level
def level(n):
    if n == 0:
        yield "bottom"
        return
    yield "down %d" % n
    yield from level(n - 1)
    yield "up %d" % n


print(list(level(3)))


# yield from a list iterator and a custom iterator (not generators: the generic SEND)
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration
        self.n -= 1
        return self.n


def mixed():
    yield from [1, 2]
    yield from Countdown(3)
    yield from (c for c in "ab")
    r = yield from iter(())
    yield r


print(list(mixed()))


# sending a value into a yield from that delegates to a list iterator fails
def delegating():
    yield from [1, 2, 3]


g = delegating()
next(g)
try:
    g.send(5)
except AttributeError as e:
    print("AttributeError", e)


# coroutines: await chains driven by send(None)
class Suspend:
    def __await__(self):
        v = yield "suspended"
        return v


async def inner_coro(x):
    got = await Suspend()
    return x + got


async def outer_coro():
    a = await inner_coro(1)
    b = await inner_coro(10)
    return a + b


c = outer_coro()
print(c.send(None))
print(c.send(100))
try:
    c.send(1000)
except StopIteration as e:
    print("coroutine returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError", e)


# an exception raised in an awaited coroutine reaches the awaiting one
async def raiser():
    await Suspend()
    raise KeyError("from inner")


async def catcher():
    try:
        await raiser()
    except KeyError as e:
        return "caught %s" % e


c = catcher()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)


# throw into a suspended await chain
c = outer_coro()
c.send(None)
try:
    c.throw(ValueError("thrown"))
except ValueError as e:
    print("ValueError", e)
c.close()


# async for over an async generator, driven by hand
async def agen(n):
    for i in range(n):
        await Suspend()
        yield i * i


async def consume(n):
    out = []
    async for v in agen(n):
        out.append(v)
    return out


def drive(coro):
    steps = 0
    try:
        while True:
            coro.send(None)
            steps += 1
    except StopIteration as e:
        return e.value, steps


print(drive(consume(4)))


# an async comprehension and an exception out of an async generator
async def bad_agen():
    yield 1
    raise ZeroDivisionError("agen")


async def comp():
    try:
        return [x async for x in bad_agen()]
    except ZeroDivisionError as e:
        return "caught %r" % e


print(drive(comp()))


# a generator awaiting itself through yield from: already executing
def reenter():
    yield from gen_self


gen_self = reenter()
try:
    next(gen_self)
except ValueError as e:
    print("ValueError", e)

# a coroutine awaited twice
async def noop():
    return 1


async def twice(c):
    await c
    await c


try:
    drive(twice(noop()))
except RuntimeError as e:
    print("RuntimeError", e)


# an uncaught exception thrown through a yield from chain: the traceback
def bottom():
    yield 1
    yield 2


def top():
    yield from bottom()


g = top()
next(g)
g.throw(OverflowError("thrown into the chain"))
