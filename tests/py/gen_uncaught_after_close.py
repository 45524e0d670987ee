def g():
    try:
        yield 1
    finally:
        raise KeyError("raised during close")
it = g()
next(it)
it.close()
