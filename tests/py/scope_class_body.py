x = "module"
class C:
    x = "class"
    y = x + "!"
    def method(self):
        return x
    z = [x for _ in range(1)]
    lam = lambda self: x
print(C.y, C().method(), C.z, C().lam())
def f():
    a = 1
    class Inner:
        a = 2
        b = a
        def m(self):
            return a
    return Inner.b, Inner().m()
print(f())
def g():
    v = "enclosing"
    class K:
        w = v
    return K.w
print(g())
