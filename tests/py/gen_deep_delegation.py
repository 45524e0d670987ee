# A chain of `yield from` hundreds deep runs in one loop; throw() and close() travel down the
# chain to the innermost generator; past the recursion limit the chain raises RecursionError.
def leaf(log):
    try:
        x = yield "first"
        log.append(("sent", x))
        yield "second"
    except KeyError as e:
        log.append(("leaf caught", e.args[0]))
        yield "after throw"
    finally:
        log.append("leaf finally")
    return "leaf result"

def chain(n, log):
    if n == 0:
        r = yield from leaf(log)
        return r
    r = yield from chain(n - 1, log)
    return r

log = []
g = chain(400, log)
print(next(g))
print(g.send("hello"))
print(g.throw(KeyError("k")))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value)
print(log)

log = []
g = chain(300, log)
print(next(g))
g.close()
print("closed", log, g.gi_suspended, g.gi_running)

def counting(n):
    if n == 0:
        yield 0
        return
    yield from counting(n - 1)
    yield n

print(sum(counting(200)))

def endless(n):
    yield from endless(n + 1)

try:
    next(endless(0))
except RecursionError as e:
    print("RecursionError:", e)

# gi_yieldfrom shows the delegate while suspended inside `yield from`.
def inner():
    yield 1
def outer():
    yield from inner()
o = outer()
print(o.gi_yieldfrom)
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__)
print(list(o), o.gi_yieldfrom)
