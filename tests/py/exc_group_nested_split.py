eg = ExceptionGroup("top", [ValueError("a"), ExceptionGroup("mid", [TypeError("b"), ValueError("c"), ExceptionGroup("low", [KeyError("d")])]), OSError("e")])
def show(g, indent=0):
    if g is None:
        print(" " * indent + "None")
        return
    print(" " * indent + f"{type(g).__name__}: {g.message if isinstance(g, BaseExceptionGroup) else g!r}")
    if isinstance(g, BaseExceptionGroup):
        for e in g.exceptions:
            show(e, indent + 2)
m, r = eg.split((ValueError, KeyError))
show(m); show(r)
show(eg.subgroup(lambda e: isinstance(e, BaseExceptionGroup) and e.message == "low"))
print(eg.derive([ValueError("x")]).message, repr(eg.derive([ValueError("x")])))
