# Binding errors leave nothing behind for the next call; CPython 3.13's messages.
class C:
    def method(self, a):
        return a


def kw_only(a, *, b):
    return a, b


def f(a, b, /, c, *, dd):
    return a, b, c, dd


def many(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, kw


calls = [
    lambda: C().method(),
    lambda: kw_only(1, b=2, c=3),
    lambda: many(1),
    lambda: kw_only(1, b=2),
    lambda: f(a=1, b=2, c=3, dd=4),
    lambda: f(1, 2, 3, d=4),
    lambda: f(1, 2, 3, dd=1, a=5),
    lambda: f(1, 2, c=3, dd=4, zz=1),
    lambda: f(1, 2, 3, dd=4),
    lambda: many(1, c=3, a=2),
    lambda: many(1, 2, 3, c=4, a=1),
    lambda: C().method(a=1),
    lambda: C().method(aa=1),
]
for _ in range(2):
    for call in calls:
        try:
            print(call())
        except TypeError as e:
            print("TypeError:", e)


class M:
    def keys(self):
        return ["x", "y"]

    def __getitem__(self, k):
        return k * 2


def show(**kw):
    return sorted(kw.items())


def both(*a, **kw):
    return a, kw


class K:
    def m(self, **kw):
        return kw


print(show(**M()), both(*range(3), **M()), both(*{"q": 1}, x=1, **{"z": 2}))
for call in [
    lambda: show(x=1, **M()),
    lambda: len(**{"a": 1}),
    lambda: print(*5),
    lambda: print(**5),
    lambda: K().m(**{"a": 1}, a=2),
    lambda: show(**{1: 2}),
    lambda: show(**{"a": 1}, **{"a": 2}),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
