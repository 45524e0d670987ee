def counted(fn):
    def wrapper(*a, **k):
        wrapper.calls += 1
        return fn(*a, **k)
    wrapper.calls = 0
    wrapper.__name__ = fn.__name__
    wrapper.__wrapped__ = fn
    return wrapper
@counted
def square(x):
    return x * x
print([square(i) for i in range(4)], square.calls, square.__name__, square.__wrapped__(5))
def memoize(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    w.cache = cache
    return w
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
