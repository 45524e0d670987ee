class Future:
    def __init__(self):
        self.result = None
        self.done = False
    def __await__(self):
        if not self.done:
            yield self
        return self.result
async def leaf(fut):
    v = await fut
    return v + 1
async def middle(fut):
    return await leaf(fut) * 2
async def top(fut):
    a = await middle(fut)
    return f"top got {a}"
fut = Future()
c = top(fut)
waiting_on = c.send(None)
print(waiting_on is fut)
fut.result = 20
fut.done = True
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
