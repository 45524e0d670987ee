def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("handled ValueError part")
try:
    f()
except ExceptionGroup as e:
    print("unhandled remains:", repr(e))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError as g:
        raise KeyError("new in handler")
except (ExceptionGroup, KeyError) as e:
    print(repr(e), repr(e.__context__))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1), ValueError(2)])
    except* ValueError:
        raise
except ExceptionGroup as e:
    print("bare raise keeps group:", repr(e))
