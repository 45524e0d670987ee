# float() and tuple() refuse keywords, their subclasses pass them on to __init__.
class F(float):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
class T(tuple):
    def __init__(self, arg, newarg=None):
        print('T.__init__', arg, newarg)
f = F(2.5, newarg=3)
t = T([1, 2], newarg=4)
print(f, f.newarg, type(f).__name__, t, type(t).__name__)
for call in [lambda: float(x=1), lambda: tuple(iterable=[]), lambda: float(1, 2), lambda: tuple([], []), lambda: F(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print('TypeError:', e)
