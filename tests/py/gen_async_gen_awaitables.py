# Async generators driven through their asend/athrow/aclose awaitables: break out of async for,
# athrow and aclose at each state, reuse errors, ag_running while an awaitable drives it.
class W:
    def __init__(self, v): self.v = v
    def __await__(self):
        x = yield self.v
        return x
def run(c, sends=()):
    sends = list(sends)
    out = []
    try:
        v = c.send(None)
        while True:
            out.append(v)
            v = c.send(sends.pop(0) if sends else None)
    except StopIteration as e:
        out.append(("ret", e.value))
    except BaseException as e:
        out.append(("exc", type(e).__name__, str(e)))
    return out

async def ag():
    try:
        for i in range(3):
            r = await W("w")
            yield (i, r)
    finally:
        print("ag finally")

async def main():
    res = []
    async for x in ag():
        res.append(x)
        if x[0] == 1:
            break
    return res
print(run(main(), ["s1", "s2", "s3"]))

g = ag()
print(run(g.asend(None)))
print(run(g.athrow(KeyError("boom"))))
print(run(g.asend(None)))
print(run(g.aclose()))

async def ag2():
    yield 1
    yield 2
g = ag2()
print(run(g.__anext__()), run(g.__anext__()), run(g.__anext__()), run(g.__anext__()))
print(run(g.aclose()), run(g.athrow(ValueError("late"))))

async def ag3():
    try:
        yield 1
    except GeneratorExit:
        await W("cleanup await")
        raise
g = ag3()
print(run(g.__anext__()))
print(run(g.aclose()))
async def ag4():
    yield 1
g = ag4()
a1 = g.__anext__()
print(run(a1))
a2 = g.asend(None)
a3 = g.asend(None)
print(run(a2), run(a3))
async def awaiting_gen():
    await W("x")
    yield 5
g = awaiting_gen()
s = g.asend(None)
print(s.send(None))
try:
    g.asend(None).send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(g.ag_running, type(g.ag_await).__name__)

# close() of an asend/athrow awaitable throws GeneratorExit into the generator (3.13).
async def closing():
    try:
        await W("w")
        yield 1
    finally:
        print("closing finally")
g = closing()
a = g.asend(None)
print(a.send(None))
print(a.close(), g.ag_running)
try:
    a.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
print(closing().athrow(ValueError("v")).close())
g = closing()
a = g.__anext__()
print(a.send(None))
try:
    a.throw(KeyError("k"))
except KeyError as e:
    print("KeyError", e)
