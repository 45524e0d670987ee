# Builtin types are immutable: their attributes cannot be set or deleted.
for stmt in [
    "int.x = 1",
    "del int.real",
    "del int.x",
    "int.__add__ = lambda a, b: 0",
    "object.__eq__ = lambda a, b: True",
    "str.__name__ = 'text'",
    "list.__doc__ = 'doc'",
    "dict.__module__ = 'm'",
    "type.__qualname__ = 'T'",
    "setattr(float, 'pi', 3.14)",
    "delattr(tuple, 'count')",
    "ValueError.code = 1",
    "bool.__repr__ = None",
    "type(None).__bool__ = None",
]:
    try:
        exec(stmt)
        print("ok", stmt)
    except TypeError as e:
        print("TypeError:", e)
print(1 + 1, [1, 2] == [1, 2], "x".upper(), int("7"))


class A:
    """A doc."""


for stmt in ["del A.__name__", "del A.__qualname__", "del A.__doc__", "del A.__module__"]:
    try:
        exec(stmt)
        print("ok", stmt)
    except TypeError as e:
        print("TypeError:", e)
print(A.__name__, A.__qualname__, A.__doc__, A.__module__)

# A class's __dict__ is a read-only view, of builtin types and classes alike.
print(type(int.__dict__).__name__, type(A.__dict__).__name__, "real" in int.__dict__)
for target in (int.__dict__, A.__dict__):
    try:
        target["foo"] = 1
    except TypeError as e:
        print("TypeError:", e)
    try:
        del target["__doc__"]
    except TypeError as e:
        print("TypeError:", e)
print(hasattr(int, "foo"), hasattr(A, "foo"), A.__doc__)
int.y = 2
