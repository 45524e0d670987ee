def raise_group():
    raise ExceptionGroup("batch", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
try:
    try:
        raise_group()
    except* ValueError as g:
        print("values:", [str(e) for e in g.exceptions])
    except* TypeError as g:
        print("types:", [str(e) for e in g.exceptions])
except ExceptionGroup as rest:
    print("rest:", [repr(e) for e in rest.exceptions])
try:
    raise ValueError("naked")
except* ValueError as g:
    print(type(g).__name__, g.exceptions)
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
try:
    raise nested
except* ValueError as g:
    print(repr(g))
except* TypeError as g:
    print(repr(g))
