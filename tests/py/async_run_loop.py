class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks
    def __await__(self):
        for _ in range(self.ticks):
            yield self
async def task(name, ticks, log):
    for i in range(3):
        log.append(f"{name}{i}")
        await Sleep(ticks)
    return name.upper()
def run(coros):
    results = {}
    queue = list(coros.items())
    while queue:
        name, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((name, c))
        except StopIteration as e:
            results[name] = e.value
    return results
log = []
print(run({"a": task("a", 1, log), "b": task("b", 2, log), "c": task("c", 0, log)}))
print(log)
