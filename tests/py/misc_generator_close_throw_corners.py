def g():
    try:
        yield 1
    finally:
        yield "in finally"
it = g()
next(it)
try:
    it.close()
except RuntimeError as e:
    print(e)
def h():
    yield 1
it = h()
try:
    it.throw(ValueError)
except ValueError:
    print("throw to unstarted raises at first line")
print(next(it, "exhausted"))
def k():
    try:
        yield 1
    except ValueError:
        return "returned from except"
it = k(); next(it)
try:
    it.throw(ValueError("v"))
except StopIteration as e:
    print("StopIteration", e.value)
def m():
    x = yield
    yield x
it = m(); next(it)
print(it.throw(StopIteration) if False else it.send("sent"))
