# Exception fields: args, __cause__, __context__, __suppress_context__, __traceback__, name/obj.
import sys


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def wrapped(i):
    try:
        return risky(i)
    except KeyError:
        raise ValueError(i) from None


total = 0
for i in range(60):
    try:
        total += wrapped(i)
    except AppError as e:
        total += e.code % 7
        assert e.args == (i,) and e.__cause__ is None and e.__context__ is None
    except ValueError as e:
        assert e.__suppress_context__ and e.__cause__ is None
        assert isinstance(e.__context__, KeyError)
        total += 1
print("total", total)

# args: __init__ sets them again.
e = ValueError(1, 2)
e.__init__(1, 2)
print(e.args)
e.__init__(3)
print(e.args, str(e), repr(e))
e.args = [4, 5]
print(e.args, str(e))
try:
    del e.args
except TypeError as x:
    print("TypeError", x)
print(KeyError("k"), repr(KeyError()), str(KeyError("a", "b")))

# Keyword checks still run.
for make in [lambda: ValueError(x=1), lambda: NameError("n", bogus=1), lambda: ImportError("m", bogus=1)]:
    try:
        make()
    except TypeError as x:
        print("TypeError", x)
print(NameError("n", name="q").name, AttributeError("a", name="q", obj=5).obj, ImportError("m", name="x").name)
print(UnicodeDecodeError("utf-8", b"\xff", 0, 1, "bad").reason)

# __cause__ / __context__ / __suppress_context__ assignment.
e = RuntimeError("r")
e.__cause__ = KeyError(1)
print(e.__suppress_context__, repr(e.__cause__))
e.__cause__ = None
e.__suppress_context__ = False
e.__context__ = e
print(e.__context__ is e, e.__cause__)
for field, value in [("__cause__", 5), ("__context__", "x"), ("__traceback__", 1)]:
    try:
        setattr(e, field, value)
    except TypeError as x:
        print("TypeError", x)
    try:
        delattr(e, field)
    except TypeError as x:
        print("TypeError", x)
try:
    e.with_traceback(3)
except TypeError as x:
    print("TypeError", x)

# A context chain that would loop is cut.
def loop():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            try:
                raise a
            except ValueError as again:
                return again, b
again, b = loop()
print(repr(again.__context__), repr(b.__context__))

# name/obj on AttributeError/NameError raised by the runtime.
try:
    undefined_name_here
except NameError as x:
    print(x.name, x)
try:
    (1).nope
except AttributeError as x:
    print(x.name, x.obj, x)

# sys.exception() follows the handler.
try:
    raise OSError(2, "missing")
except OSError:
    print(repr(sys.exception()), sys.exception().errno)
print(sys.exception())
