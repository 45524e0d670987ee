try:
    try:
        raise ValueError("original")
    except ValueError:
        undefined_in_handler
except NameError as e:
    print(e, "| context:", repr(e.__context__))
def f():
    try:
        raise KeyError("k")
    except KeyError as e:
        raise e.with_traceback(None) from TypeError("cause")
try:
    f()
except KeyError as e:
    print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
