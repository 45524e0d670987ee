class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        print("awaiting", self.v)
        got = yield f"suspend-{self.v}"
        print("resumed with", got)
        return self.v * 2
async def add(a, b):
    x = await Ready(a)
    y = await Ready(b)
    return x + y
async def main():
    r = await add(1, 2)
    print("add ->", r)
    return r + 100
coro = main()
print(type(coro).__name__)
value = None
step = 0
while True:
    try:
        yielded = coro.send(value)
    except StopIteration as e:
        print("finished", e.value)
        break
    print("yielded", yielded)
    step += 1
    value = f"v{step}"
