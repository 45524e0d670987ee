class Yield:
    def __await__(self):
        yield
async def worker(name, n, out):
    for i in range(n):
        out.append(f"{name}{i}")
        await Yield()
    return f"{name} done"
def gather(*coros):
    results = [None] * len(coros)
    pending = list(enumerate(coros))
    while pending:
        nxt = []
        for idx, c in pending:
            try:
                c.send(None)
                nxt.append((idx, c))
            except StopIteration as e:
                results[idx] = e.value
        pending = nxt
    return results
out = []
print(gather(worker("a", 3, out), worker("b", 1, out), worker("c", 2, out)))
print(out)
