def f(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw
print(f(1, c=3))
print(f(1, 5, 6, 7, c=8, z=9))
print(f(*[1, 2, 3], **{"c": 0, "d": 1, "e": 2}))
def g(x, /, y, *, z):
    return x, y, z
print(g(1, 2, z=3), g(1, y=2, z=3))
for call in [lambda: g(x=1, y=2, z=3), lambda: g(1, 2, 3), lambda: f(), lambda: f(1), lambda: f(1, c=1, a=2), lambda: g(1, 2, z=3, w=4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
