class S:
    __slots__ = ("a", "__dict__")
s = S()
s.a = 1
s.b = 2
print(s.a, s.b, s.__dict__, type(S.a).__name__, S.a.__name__)
class W:
    __slots__ = ("__weakref__", "x")
print(sorted(W.__dict__.keys() - {"__module__", "__doc__"}))
class Empty:
    __slots__ = ()
try:
    Empty().x = 1
except AttributeError as e:
    print(e)
try:
    class Conflict:
        __slots__ = ("x",)
        x = 1
except ValueError as e:
    print(e)
class Base:
    __slots__ = ("x",)
class Derived(Base):
    __slots__ = ("y",)
d = Derived(); d.x = 1; d.y = 2
print(d.x, d.y, hasattr(d, "__dict__"))
