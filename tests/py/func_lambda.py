sq = lambda x: x * x
print(sq(4), (lambda: "nullary")(), (lambda *a, **k: (a, k))(1, b=2), sq.__name__, (lambda x=3: x)())
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)), list(map(lambda p: p[1], [(1, 2), (3, 4)])))
compose = lambda f, g: lambda x: f(g(x))
print(compose(sq, lambda x: x + 1)(3))
print((lambda x: (lambda y: x + y))(10)(5))
