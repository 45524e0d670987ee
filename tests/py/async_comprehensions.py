class Y:
    def __await__(self):
        yield
async def agen(n):
    for i in range(n):
        await Y()
        yield i
async def double(x):
    await Y()
    return x * 2
async def main():
    a = [x async for x in agen(4) if x % 2 == 0]
    b = {x: await double(x) for x in range(3)}
    c = [await double(x) for x in [5, 6]]
    d = {x async for x in agen(3)}
    return a, b, c, d
coro = main()
try:
    while True:
        coro.send(None)
except StopIteration as e:
    print(e.value)
