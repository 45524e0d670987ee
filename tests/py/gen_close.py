def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
it = g(); next(it); it.close(); print("closed"); it.close()
print(next(it, "after close"))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn(); next(s)
try:
    s.close()
except RuntimeError as e:
    print(e)
def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ignored value"
r = returns_on_close(); next(r); print(r.close())
u = g(); u.close(); print("unstarted closed", next(u, None))
