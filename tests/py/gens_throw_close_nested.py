# throw and close into generators nested in generators (for loops and yield from), with finally
# blocks, and a deep chain of delegating generators.
log = []


def leaf(name):
    try:
        for i in range(10):
            try:
                yield f"{name}{i}"
            except KeyError as e:
                log.append(f"{name} caught {e!r}")
                yield f"{name} recovered"
    finally:
        log.append(f"{name} finally")


def middle():
    try:
        yield from leaf("a")
    finally:
        log.append("middle finally")


def looping():
    try:
        for v in leaf("b"):
            yield v.upper()
    finally:
        log.append("looping finally")


m = middle()
print(next(m), next(m))
print(m.throw(KeyError("k")))
print(next(m))
print(m.close(), m.gi_frame)
print(log)
log.clear()

lp = looping()
print(next(lp))
try:
    lp.throw(KeyError("only the outer frame sees this"))
except KeyError as e:
    print("escaped", e)
print(log, lp.gi_frame)
log.clear()

lp = looping()
next(lp)
lp.close()
print(log)
log.clear()


def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "closing value"


r = returns_on_close()
next(r)
print(r.close())


def stubborn():
    tries = 0
    while True:
        try:
            yield
        except GeneratorExit:
            tries += 1
            if tries > 1:
                return


s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
print(s.close(), s.gi_suspended)


def chain(depth):
    if depth == 0:
        yield "bottom"
        try:
            yield "waiting"
        except ValueError as e:
            yield f"bottom caught {e}"
        return "bottom done"
    r = yield from chain(depth - 1)
    return f"{r}<{depth}"


c = chain(150)
print(next(c), next(c))
print(c.throw(ValueError("deep")))
try:
    next(c)
except StopIteration as e:
    print(len(e.value), e.value[:20])


def sender():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            return got
        got.append(v)


def relay():
    result = yield from sender()
    yield result


rl = relay()
next(rl)
for i in range(3):
    print(rl.send(i * 10))
print(next(rl))
try:
    rl.throw(TypeError("after"))
except TypeError as e:
    print("thrown out", e)
