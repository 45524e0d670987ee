log = []
def g(name):
    try:
        yield 1
        yield 2
    finally:
        log.append(f"finalised {name}")
a = g("a"); next(a)
b = g("b"); next(b); next(b)
del a
print(log)
b = None
print(log)
def consume():
    for v in g("loop"):
        return v
print(consume(), log)
