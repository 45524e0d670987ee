def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a, k)
        r = fn(*a, **k)
        print("ret", r)
        return r
    wrapper.__name__ = fn.__name__
    return wrapper
def times(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@trace
@times(2)
def add(a, b):
    return a + b
print(add(1, 2))
order = []
def mark(tag):
    order.append("make " + tag)
    def d(f):
        order.append("apply " + tag)
        return f
    return d
@mark("a")
@mark("b")
def target():
    pass
print(order)
@lambda f: f.__name__.upper()
def lowered():
    pass
print(lowered)
