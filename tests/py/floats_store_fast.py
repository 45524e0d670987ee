# BINARY_OP on floats followed by STORE_FAST: the result may be written into the local's old
# float or a dying operand, never into a float somebody else still sees.


class F(float):
    pass


def kept(xs):
    out = []
    d = 0.0
    for x in xs:
        d = x - 0.5
        out.append(d)
    return out


def aliases(n):
    a = 1.5
    b = a
    hist = []
    for _ in range(n):
        a = a * 2.0
        hist.append((a, b))
    return hist


def self_update(n):
    s = 0.0
    for i in range(n):
        s = s + 0.25
        s = 1.0 + s
        s = s * s if s < 10.0 else s - 9.0
    return s


def deleted(n):
    total = 0.0
    for _ in range(n):
        t = 1.5 * 2.0
        total += t
        del t
    return total


def type_changes(xs):
    out = []
    for x in xs:
        y = x * 2.0 if isinstance(x, float) else x * 2
        z = y + y
        out.append((type(z).__name__, z))
    return out


def subclass(xs):
    out = []
    for x in xs:
        r = x + 1.0
        out.append((type(r).__name__, r))
    return out


def dict_and_container(n):
    d = {}
    lst = [0.0]
    for i in range(n):
        v = 0.5 * 3.0
        lst[0] = v
        d[i] = v
        v = v + 1.0
    return lst, sorted(d.values())[:3], v


def cells(n):
    c = 0.0

    def get():
        return c

    for _ in range(n):
        c = c + 1.5
    return get()


def frames(n):
    import sys
    x = 2.0
    seen = []
    for _ in range(n):
        x = x * 1.5
        seen.append(sys._getframe().f_locals["x"])
    return seen


def gen(n):
    acc = 1.0
    for _ in range(n):
        acc = acc * 1.1
        yield acc


def inf_nan():
    a = 1e308
    b = a * 10.0
    c = b - b
    d = -0.0 * 1.0
    return b, c, d, str(d)


print(kept([1.0, 2.0, 3.5, -1.25] * 5))
print(aliases(5))
print(self_update(100))
print(deleted(10))
print(type_changes([1.0, 2, 3.5, True, 2**62, 4.0] * 10))
print(subclass([F(1.5), 2.5, F(3.0)] * 20))
print(dict_and_container(20))
print(cells(10))
print(frames(4))
print([round(v, 6) for v in gen(8)])
print(inf_nan())
