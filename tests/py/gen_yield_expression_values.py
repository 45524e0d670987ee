def g():
    a = yield 1
    b = yield a
    c = yield (a, b)
    return (a, b, c)
it = g()
print(next(it))
print(it.send("A"))
print(it.send("B"))
try:
    it.send("C")
except StopIteration as e:
    print(e.value)
def h():
    x = yield
    while True:
        x = yield x * 2 if x is not None else None
it = h(); next(it)
print([it.send(i) for i in range(4)])
