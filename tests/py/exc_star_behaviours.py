# except*: several clauses, unhandled parts re-raised, raising in a clause, naked exceptions.
def run(label, exc):
    try:
        try:
            raise exc
        except* ValueError as g:
            print(label, "values:", repr(g))
        except* (TypeError, KeyError) as g:
            print(label, "type/key:", repr(g))
    except BaseException as e:
        print(label, "escaped:", repr(e))
    else:
        print(label, "all handled")

run("mixed", ExceptionGroup("m", [ValueError(1), TypeError(2), OSError(3)]))
run("only values", ExceptionGroup("v", [ValueError(1), ValueError(2)]))
run("nested", ExceptionGroup("n", [ExceptionGroup("i", [ValueError(1), OSError(2)]), KeyError(3)]))
run("naked value", ValueError("naked"))
run("naked other", OSError("other"))
run("base", BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError(1)]))

# The handled exception inside except* is the matched part.
try:
    raise ExceptionGroup("e", [ValueError(1), TypeError(2)])
except* ValueError:
    pass
except* TypeError as t:
    print("handled:", repr(t))

# Raising in a clause: the new exception and the unhandled rest come out together.
try:
    try:
        raise ExceptionGroup("orig", [ValueError(1), TypeError(2)])
    except* ValueError as g:
        raise RuntimeError("from handler")
except ExceptionGroup as e:
    print("combined:", repr(e), [type(x).__name__ for x in e.exceptions])
    print("context:", repr(e.exceptions[0].__context__))

# Re-raising with a bare raise keeps the original structure.
try:
    try:
        raise ExceptionGroup("keep", [ValueError(1), ExceptionGroup("deep", [ValueError(2), TypeError(3)])])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("reraised:", repr(e))

# A naked exception raised again from its clause comes out naked.
try:
    try:
        raise ValueError("solo")
    except* ValueError as g:
        print("wrapped:", repr(g), g.exceptions[0] is not None)
        raise
except ValueError as e:
    print("naked again:", repr(e))
except ExceptionGroup as e:
    print("group:", repr(e))

# Raising a different exception for a naked one.
try:
    try:
        raise ValueError("solo")
    except* ValueError:
        raise TypeError("replacement")
except Exception as e:
    print("replacement:", repr(e), repr(e.__context__))

# Errors about the clause type.
for bad in (ExceptionGroup, (ValueError, BaseExceptionGroup), int, (ValueError, 3)):
    try:
        try:
            raise ValueError("x")
        except* bad:
            pass
    except TypeError as e:
        print("TypeError:", e)

# Nothing raised: no clause runs.
try:
    pass
except* ValueError:
    print("never")
else:
    print("else runs")
finally:
    print("finally runs")
