# Dunders found on the type are bound as CPython's lookup_maybe_method binds them: functions
# unbound with the instance first, other descriptors through __get__, plain callables as they are.
class D:
    def __init__(self, impl):
        self.impl = impl
    def __get__(self, obj, owner):
        print("get", type(obj).__name__, owner.__name__)
        return self.impl.__get__(obj, owner)
class X:
    pass
X.__len__ = D(lambda self: 3)
print(len(X()))
X.__repr__ = staticmethod(lambda: "static repr")
print(repr(X()))
X.__add__ = classmethod(lambda cls, other: (cls.__name__, other))
print(X() + 1)
class Y:
    __neg__ = staticmethod(lambda: "neg")
print(-Y())
class Z:
    __len__ = len
try:
    len(Z())
except TypeError as e:
    print("TypeError:", e)
class W:
    __call__ = D(lambda self, *a: ("called", a))
print(W()(1, 2))
class E:
    __eq__ = D(lambda self, other: "eq!")
print(E() == 1)
