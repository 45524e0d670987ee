# Reading an unset __slots__ member names the class fully qualified (CPython 3.13's %T):
# module and qualname, without "__main__"; other missing attributes use the short name.


def make():
    class X:
        __slots__ = ("a", "b")

    return X


X = make()
x = X()
for action in (lambda: x.a, lambda: x.missing, lambda: delattr(x, "b")):
    try:
        action()
    except AttributeError as exc:
        print(type(exc).__name__, exc)


class Top:
    __slots__ = ("v",)


try:
    Top().v
except AttributeError as exc:
    print(exc)
x.a = 1
print(x.a)
