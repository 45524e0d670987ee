def a():
    x = 0
    def b():
        nonlocal x
        x += 1
        def c():
            nonlocal x
            x += 10
            return x
        return c()
    b(); b()
    return x
print(a())
def make_pair():
    v = []
    def push(i):
        v.append(i)
    def get():
        return list(v)
    return push, get
p, g = make_pair(); p(1); p(2); print(g())
def late_binding():
    fs = []
    x = 1
    fs.append(lambda: x)
    x = 2
    fs.append(lambda: x)
    return [f() for f in fs]
print(late_binding())
