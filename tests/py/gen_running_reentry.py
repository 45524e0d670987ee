def g():
    yield me.send(None)
me = g()
try:
    next(me)
except ValueError as e:
    print(e)
def h():
    yield 1
x = h()
print(x.__next__(), x.send(None) if False else "skip", next(x, "exhausted"))
print(iter(x) is x, hasattr(x, "__next__"))
