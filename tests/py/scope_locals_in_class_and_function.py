def f():
    a = 1
    b = [a]
    loc = locals()
    return sorted(loc)
print(f())
class K:
    x = 1
    y = sorted(locals())
print([n for n in K.y if not n.startswith("__")])
def g():
    x = 1
    def h():
        return x
    return sorted(locals())
print(g())
