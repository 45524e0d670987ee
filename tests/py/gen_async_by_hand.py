# Async generators, async for and async with driven by a hand-written event loop.
class Sleep:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        yield ("sleep", self.tag)

def run(coro):
    steps = []
    while True:
        try:
            steps.append(coro.send(None))
        except StopIteration as e:
            return steps, e.value

async def ticker(n):
    for i in range(n):
        await Sleep(i)
        yield i * 10
    print("ticker exhausted")

async def consume():
    out = []
    async for v in ticker(3):
        out.append(v)
    return out

print(run(consume()))

class AsyncRange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep("r")
        return self.i

class Manager:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("enter", self.name)
        await Sleep("enter")
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        await Sleep("exit")
        return self.name == "swallow"

async def main():
    total = 0
    async for i in AsyncRange(4):
        total += i
    async with Manager("plain") as m:
        print("body", m)
    async with Manager("swallow"):
        raise ValueError("swallowed")
    try:
        async with Manager("keep"):
            raise KeyError("kept")
    except KeyError as e:
        print("propagated", e)
    return total

print(run(main()))

# Driving an async generator by hand: asend / athrow / aclose awaitables.
async def agen():
    try:
        x = yield 1
        print("agen got", x)
        await Sleep("inside")
        yield 2
    except ValueError as e:
        print("agen caught", e)
        yield "recovered"
    finally:
        print("agen finally")

ag = agen()
print(type(ag).__name__, ag.__name__, ag.ag_running, ag.ag_await, ag.__aiter__() is ag)
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("item", e.value)
aw = ag.asend("hello")
print(type(aw).__name__, aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("item", e.value)
try:
    aw.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    ag.athrow(ValueError("thrown")).send(None)
except StopIteration as e:
    print("item", e.value)
try:
    ag.aclose().send(None)
except StopIteration as e:
    print("aclose done", e.args)
try:
    ag.__anext__().send(None)
except StopAsyncIteration as e:
    print("StopAsyncIteration", e.args)

# aclose on an async generator that yields during close.
async def stubborn():
    try:
        yield 1
    finally:
        yield 2
ag = stubborn()
try:
    ag.__anext__().send(None)
except StopIteration:
    pass
try:
    ag.aclose().send(None)
except RuntimeError as e:
    print("RuntimeError:", e)

# Errors of the async protocols.
class NoAnext:
    def __aiter__(self):
        return 1
class BadAnext:
    def __aiter__(self):
        return self
    def __anext__(self):
        return 1
class OnlyEnter:
    async def __aenter__(self):
        return 1
class SyncEnter:
    def __aenter__(self):
        return 1
    def __aexit__(self, *a):
        return 1

async def bad_for(x):
    async for _ in x:
        pass
async def bad_with(x):
    async with x:
        pass
for make in (lambda: bad_for(5), lambda: bad_for(NoAnext()), lambda: bad_for(BadAnext()),
             lambda: bad_with(5), lambda: bad_with(OnlyEnter()), lambda: bad_with(SyncEnter())):
    c = make()
    try:
        c.send(None)
    except TypeError as e:
        print("TypeError:", e, "| cause:", repr(e.__cause__))
    c.close()
