def add(a, b=10, *args, c=5, **kw):
    return a + b + c + sum(args) + sum(kw.values())
print(add(1), add(1, 2), add(1, 2, 3, 4), add(1, c=0), add(1, d=100))
def noret():
    pass
print(noret())
def kwonly(*, x, y=2):
    return x * y
print(kwonly(x=3), kwonly(y=3, x=4))
f = lambda x, y=1: x - y
print(f(5), f(5, 5), (lambda: "l")())
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(20), fact(30))
print(add.__name__, f.__name__)
