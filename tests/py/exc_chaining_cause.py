def parse(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("parse failed") from e
try:
    parse("x")
except RuntimeError as e:
    print(e, type(e.__cause__).__name__, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k")
except KeyError as e:
    print(repr(e), e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__, type(e.__context__).__name__, e.__suppress_context__)
