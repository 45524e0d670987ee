def accumulator():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
a = accumulator()
print(next(a), a.send(5), a.send(10), a.send(-3))
try:
    a.send(None)
except StopIteration as e:
    print("final", e.value)
b = accumulator()
try:
    b.send(1)
except TypeError as e:
    print(e)
def echo():
    received = []
    while len(received) < 3:
        received.append((yield len(received)))
    return received
e = echo(); next(e); e.send("a"); e.send("b")
try:
    e.send("c")
except StopIteration as s:
    print(s.value)
