class Tick:
    def __await__(self):
        yield "tick"
async def agen(n):
    for i in range(n):
        await Tick()
        yield i * 10
    print("agen done")
def drive(aw):
    try:
        while True:
            print("  suspended:", aw.send(None))
    except StopIteration as e:
        return e.value
ag = agen(2)
print(type(ag).__name__)
print(drive(ag.__anext__()))
print(drive(ag.__anext__()))
try:
    drive(ag.__anext__())
except StopAsyncIteration:
    print("StopAsyncIteration")
async def consume():
    out = []
    async for v in agen(3):
        out.append(v)
    return out
print(drive(consume()))
async def comp():
    return [v async for v in agen(2)]
print(drive(comp()))
