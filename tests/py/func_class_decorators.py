def add_repr(cls):
    def __repr__(self):
        fields = ", ".join(f"{k}={v!r}" for k, v in vars(self).items())
        return f"{cls.__name__}({fields})"
    cls.__repr__ = __repr__
    return cls
def register(registry):
    def deco(cls):
        registry.append(cls.__name__)
        return cls
    return deco
REG = []
@register(REG)
@add_repr
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Point(1, "a"), REG)
class Method:
    @staticmethod
    def deco(fn):
        return lambda *a: ("decorated", fn(*a))
    @deco
    def f(x):
        return x
print(Method.f(3))
