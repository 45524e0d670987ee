# Coroutines driven with send(None) by a hand-written loop: await chains, custom awaitables,
# the coroutine wrapper of __await__, and the coroutine's error messages.
class Suspend:
    def __init__(self, label):
        self.label = label
    def __await__(self):
        got = yield self.label
        return "resumed with " + repr(got)

async def leaf(n):
    r = await Suspend("leaf" + str(n))
    return (n, r)

async def middle():
    a = await leaf(1)
    b = await leaf(2)
    return [a, b]

def run(coro):
    sent = None
    trace = []
    while True:
        try:
            v = coro.send(sent)
        except StopIteration as e:
            return trace, e.value
        trace.append(v)
        sent = len(trace)

print(run(middle()))

c = middle()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_suspended)
print(c.send(None), c.cr_suspended, type(c.cr_await).__name__)
c.close()
print("after close", c.cr_suspended)

async def ret():
    return 5
c = ret()
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
try:
    c.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# __await__ of a coroutine gives a coroutine_wrapper iterator.
c = leaf(7)
w = c.__await__()
print(type(w).__name__, iter(w) is w, next(w))
try:
    w.send("x")
except StopIteration as e:
    print("wrapper done", e.value)

# Awaiting the same coroutine twice.
async def shared():
    await Suspend("s")
inner = shared()
async def first():
    await inner
async def second():
    await inner
a, b = first(), second()
print(a.send(None))
try:
    b.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# throw() into a suspended await chain reaches the innermost awaitable's frame.
async def guarded():
    try:
        await Suspend("g")
    except ZeroDivisionError as e:
        return "handled " + str(e)
c = guarded()
print(c.send(None))
try:
    c.throw(ZeroDivisionError("zd"))
except StopIteration as e:
    print(e.value)

# Non-awaitables and bad __await__ results.
class BadAwait:
    def __await__(self):
        return 42
async def awaits(x):
    return await x
for obj in (3, BadAwait()):
    co = awaits(obj)
    try:
        co.send(None)
    except TypeError as e:
        print("TypeError:", e)
    co.close()

# Generators are not awaitable, and a coroutine cannot be the target of a plain yield from.
pending = ret()
def plain():
    yield from pending
try:
    next(plain())
except TypeError as e:
    print("TypeError:", e)
pending.close()
try:
    c = ret()
    iter(c)
except TypeError as e:
    print("TypeError:", e)
    c.close()
