def g():
    try:
        yield 1
    except BaseException as e:
        print("caught", type(e).__name__, isinstance(e, Exception))
        raise
it = g(); next(it); it.close()
print(issubclass(GeneratorExit, Exception), issubclass(GeneratorExit, BaseException))
def h():
    try:
        yield 1
    except Exception:
        print("not caught by Exception")
    finally:
        print("h finally")
it = h(); next(it); it.close()
