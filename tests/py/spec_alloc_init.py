# Class construction with a Python __init__ (CALL_ALLOC_AND_ENTER_INIT) and its deoptimisation.


class V:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class W(V):
    pass


class Bad:
    def __init__(self):
        return 3


vs = [V(i, i) for i in range(5)] + [W(1, 2) for i in range(3)]
print([v.x + v.y for v in vs], type(vs[-1]).__name__)
for i in range(3):
    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


def make_one():
    return V(1)


for i in range(3):
    try:
        make_one()
    except TypeError as e:
        print("TypeError:", e)


def make(a, b):
    return V(a, b)


print([make(i, 0).x for i in range(3)])
V.__init__ = lambda self, a, b: setattr(self, "x", a * 100)
print([make(i, 0).x for i in range(3)])
print(make(b=1, a=2).x)


class Plain:
    pass


print([type(Plain()).__name__ for _ in range(3)])
try:
    Plain(1)
except TypeError as e:
    print("TypeError:", e)


class Checked:
    def __init__(self, v):
        if v < 0:
            raise ValueError("negative: " + str(v))
        self.v = v


print([Checked(i).v for i in range(3)])
Checked(-1)
