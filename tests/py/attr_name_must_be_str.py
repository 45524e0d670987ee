# Attribute names must be str: the builtins and the __getattribute__/__setattr__/__delattr__
# of builtin types raise TypeError for anything else (a str subclass is fine).
class A:
    pass


class S(str):
    pass


a = A()
cases = [
    ("setattr", lambda: setattr(a, 1, 2)),
    ("getattr", lambda: getattr(a, 1)),
    ("hasattr", lambda: hasattr(a, 1)),
    ("delattr", lambda: delattr(a, 1)),
    ("object.__setattr__", lambda: object.__setattr__(a, 1, 2)),
    ("object.__getattribute__", lambda: object.__getattribute__(a, 1)),
    ("object.__delattr__", lambda: object.__delattr__(a, 1)),
    ("bound __setattr__", lambda: a.__setattr__(2.5, 2)),
    ("type.__setattr__", lambda: type.__setattr__(A, 1, 2)),
    ("type.__getattribute__", lambda: type.__getattribute__(A, b"x")),
    ("type.__delattr__", lambda: type.__delattr__(A, None)),
]
for label, f in cases:
    try:
        f()
        print(label, "no error")
    except TypeError as e:
        print(label, "TypeError:", e)

object.__setattr__(a, S("sub"), 5)
print(a.sub, object.__getattribute__(a, S("sub")), sorted(vars(a)))
object.__delattr__(a, S("sub"))
print(hasattr(a, "sub"))
