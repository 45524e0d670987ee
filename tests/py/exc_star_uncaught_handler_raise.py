# except* whose clause raises while other parts stay unhandled: the uncaught result.
def work():
    raise ExceptionGroup("batch", [ValueError("v"), TypeError("t"), KeyError("k")])

try:
    work()
except* ValueError:
    raise RuntimeError("handler failed")
except* TypeError as g:
    print("handled", repr(g))
