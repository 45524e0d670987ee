def f(a, b, c=0, *rest, **kw):
    return a, b, c, rest, kw
args = (1, 2)
kw = {"c": 3, "d": 4}
print(f(*args, **kw), f(*args, 7, 8, 9), f(*"xy"), f(*range(5), e=1))
print([*range(2), *"ab"], (*{1: 0},), {**kw, "z": 0}, {*[1, 1, 2]})
first, *_ = "hello"
print(first, _)
