# gen.send(v) called from Python in loops (pyrt resumes the generator in the running loop
# through a specialised CALL form): results, StopIteration values, errors and state.
import sys


def tb_frames(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


def averager():
    total = 0
    count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total // count


a = averager()
next(a)
last = None
for i in range(100):
    last = a.send(i)
print("average", last)


def counted(n, ret):
    got = []
    for _ in range(n):
        got.append((yield len(got)))
    return ret if ret != "list" else got


def drive(g, values):
    out = []
    for v in values:
        try:
            out.append(g.send(v))
        except StopIteration as e:
            out.append(("stop", e.args, e.value))
        except Exception as e:
            out.append((type(e).__name__, str(e)))
    return out


# Return values: None (no args), a value, a tuple, an exception instance, then sends to the
# finished generator (StopIteration with no value).
for ret in [None, 42, (1, 2), ValueError("v"), "list"]:
    g = counted(3, ret)
    print(drive(g, [None, "a", "b", "c", "d", "e"]))

# A just-started generator refuses a non-None value at the same site.
for k in range(3):
    print(drive(counted(2, k), ["x", None, 1, 2]))


# A running generator: send to itself.
def selfish():
    while True:
        try:
            yield me.send(None)
        except ValueError as e:
            yield "caught: " + str(e)


me = selfish()
print(drive(me, [None] * 5))


# gi_running, gi_suspended and the frame's f_back while resumed by send.
def watcher():
    while True:
        x = yield (w.gi_running, w.gi_suspended, sys._getframe().f_back.f_code.co_name)
        if x == "stop":
            return "done"


def poke(values):
    return drive(w, values)


w = watcher()
next(w)
print(poke([1, 2, 3, "stop", 4]))
print(w.gi_running, w.gi_suspended)


# An exception inside the generator propagates through the send, traceback through both frames.
def fails_at(k):
    i = 0
    while True:
        x = yield i
        i += 1
        if i == k:
            raise KeyError(x)


def run_failing():
    g = fails_at(5)
    next(g)
    n = 0
    try:
        while True:
            g.send(n)
            n += 1
    except KeyError as e:
        print("KeyError", e, n, tb_frames(e.__traceback__), g.gi_suspended, g.gi_frame)
    try:
        g.send(1)
    except StopIteration as e:
        print("after failure:", type(e).__name__, e.args, tb_frames(e.__traceback__))


run_failing()


# StopIteration's traceback has the caller only.
def short():
    yield 1
    return "r"


def finish_short():
    g = short()
    next(g)
    try:
        g.send(None)
    except StopIteration as e:
        return e.value, tb_frames(e.__traceback__)


for _ in range(3):
    print(finish_short())


# PEP 479 inside a generator resumed by send, and the exception context across the send.
def pep479():
    yield 1
    raise StopIteration("inner")


for _ in range(3):
    g = pep479()
    next(g)
    try:
        g.send(None)
    except RuntimeError as e:
        print("RuntimeError", e, repr(e.__cause__))


def context_gen():
    while True:
        v = yield
        try:
            raise ValueError(v)
        except ValueError:
            yield sys.exception()


def with_handled():
    cg = context_gen()
    next(cg)
    out = []
    for i in range(3):
        try:
            raise TypeError("outer")
        except TypeError:
            e = cg.send(i)
            out.append((repr(e), repr(e.__context__), repr(sys.exception())))
        next(cg)
    return out


print(with_handled())


# yield from inside a generator resumed by send; the delegate's return value.
def inner(n):
    acc = []
    for _ in range(n):
        acc.append((yield len(acc)))
    return acc


def outer():
    while True:
        got = yield from inner(3)
        yield ("inner returned", got)


o = outer()
next(o)
print([o.send(i) for i in range(12)])


# The same site with other receivers: a class with a send method, a coroutine, a bound method.
class Echo:
    def send(self, v):
        return ("echo", v)


async def coro():
    return "coro result"


def send_all(objs):
    out = []
    for x in objs:
        try:
            out.append(x.send(None))
        except StopIteration as e:
            out.append(("stop", e.value))
    return out


gens = [counted(1, "x") for _ in range(4)]
print(send_all(gens + [Echo(), coro(), Echo()] + gens))


# Nested sends: each generator sends to the next one while it runs.
def relay(nxt):
    v = yield
    while True:
        if nxt is not None:
            v = nxt.send(v + 1)
        v = yield v


chain = None
for _ in range(60):
    chain = relay(chain)
    next(chain)
print([chain.send(i) for i in range(5)])


# A generator finalised by the send that drops the last reference to it.
def noisy():
    try:
        while True:
            yield "tick"
    finally:
        print("noisy finalised")


def last_send():
    return noisy_ref.pop().send(None)


noisy_ref = [noisy()]
next(noisy_ref[0])
print(last_send())
print("end")
