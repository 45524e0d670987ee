def inner():
    x = yield "i1"
    print("inner got", x)
    y = yield "i2"
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    return "outer-done"
o = outer()
print(next(o), o.send("A"), o.send("B"), next(o), next(o), next(o))
try:
    next(o)
except StopIteration as e:
    print(e.value)
def delegating_throw():
    try:
        yield from inner()
    except ValueError as e:
        yield f"outer caught {e}"
d = delegating_throw(); next(d)
print(d.throw(ValueError("x")))
