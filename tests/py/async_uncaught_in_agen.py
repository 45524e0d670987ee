class Y:
    def __await__(self):
        yield
async def numbers():
    yield 1
    await Y()
    raise RuntimeError("async generator failed")
async def main():
    async for n in numbers():
        print("got", n)
c = main()
while True:
    c.send(None)
