def make():
    x = 0
    def get():
        return x
    def set_(v):
        nonlocal x
        x = v
    return get, set_
g, s = make()
print(g()); s(5); print(g())
g2, s2 = make()
print(g2(), g())
def loop_cells():
    fs = []
    for i in range(3):
        x = i
        fs.append(lambda: x)
    return [f() for f in fs]
print(loop_cells())
def nested_loops():
    out = []
    for i in range(2):
        def outer(i=i):
            def inner():
                return i
            return inner
        out.append(outer())
    return [f() for f in out]
print(nested_loops())
