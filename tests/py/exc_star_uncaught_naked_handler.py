# except* on a naked exception whose clause raises: the wrapped group (no traceback of its own) is the context.
def f():
    try:
        raise ValueError("naked")
    except* ValueError:
        raise TypeError("in handler")
f()
