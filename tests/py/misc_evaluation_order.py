log = []
def f(x):
    log.append(x)
    return x
d = {f("k1"): f("v1"), f("k2"): f("v2")}
print(log); log.clear()
f("a")(f("arg")) if False else None
l = [f(1), f(2)][f(0)]
print(log); log.clear()
f(1) + f(2) * f(3)
print(log); log.clear()
x = {}
x[f("key")] = f("value")
print(log); log.clear()
print(f("a") < f("b") < f("c"), log); log.clear()
def g(a, b, *, c):
    return a
g(f("pos1"), b=f("kw b"), c=f("kw c"))
print(log)
