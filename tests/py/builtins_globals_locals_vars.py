x = 1
def f(a, b=2):
    c = 3
    return sorted(locals().items())
print(f(1))
print("x" in globals(), globals()["x"], globals()["__name__"], type(globals()).__name__)
def g():
    y = 1
    loc = locals()
    y = 2
    return loc["y"], locals()["y"]
print(g())
class K:
    p = 1
    q = 2
print(sorted(k for k in vars(K) if not k.startswith("__")))
globals()["dynamic"] = "made via globals"
print(dynamic)
try:
    vars(5)
except TypeError as e:
    print(e)
