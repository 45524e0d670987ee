# Implicit chaining when an exception that was raised before is raised again, and cycle cutting.
try:
    raise ValueError("first")
except ValueError as e:
    err = e
try:
    raise KeyError("second")
except KeyError:
    try:
        raise err
    except ValueError as again:
        print(repr(again.__context__))
# cycle: raising the context itself
try:
    try:
        raise TypeError("a")
    except TypeError as a:
        try:
            raise RuntimeError("b")
        except RuntimeError as b:
            raise a
except TypeError as x:
    print(repr(x.__context__), repr(x.__context__.__context__))
def f():
    try:
        1/0
    except ZeroDivisionError as z:
        raise z
try:
    f()
except ZeroDivisionError as z:
    print(z.__context__)
# Uncaught: re-raising an old exception inside a handler chains the handled one as context.
try:
    raise LookupError("old")
except LookupError as old:
    saved = old
try:
    {}["k"]
except KeyError:
    raise saved
