class Tick:
    def __await__(self):
        yield "tick"
class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        await Tick()
        return "resource"
    async def __aexit__(self, t, v, tb):
        print("aexit", t.__name__ if t else None)
        await Tick()
        return True
async def main():
    async with AsyncCM() as r:
        print("using", r)
        raise ValueError("suppressed by aexit")
    return "ok"
c = main()
try:
    while True:
        print("yield", c.send(None))
except StopIteration as e:
    print("result", e.value)
