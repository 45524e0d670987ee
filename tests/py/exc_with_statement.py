class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.suppress
with CM("a") as x, CM("b") as y:
    print("body", x, y)
with CM("s", suppress=True):
    raise ValueError("suppressed")
print("after suppress")
try:
    with CM("n"):
        raise KeyError("propagates")
except KeyError as e:
    print("caught", e)
def f():
    with CM("ret"):
        return "returned"
print(f())
try:
    with 5:
        pass
except TypeError as e:
    print(e)
