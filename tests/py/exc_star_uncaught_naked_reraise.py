# except* re-raising a naked exception: it leaves wrapped in ExceptionGroup("", ...).
def f():
    try:
        raise ValueError("naked")
    except* ValueError as g:
        raise
f()
