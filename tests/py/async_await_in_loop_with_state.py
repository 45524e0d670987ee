class Step:
    def __init__(self, n):
        self.n = n
    def __await__(self):
        got = yield self.n
        return got
async def accumulate(k):
    total = 0
    for i in range(k):
        total += await Step(i)
    return total
c = accumulate(4)
sent = None
trace = []
try:
    while True:
        y = c.send(sent)
        trace.append(y)
        sent = y * 10
except StopIteration as e:
    print(trace, e.value)
