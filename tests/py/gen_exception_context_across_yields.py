# The exception being handled, seen across yields: thrown exceptions, contexts set inside
# generators resumed by throw(), next() and for loops, a coroutine re-raising after an await.
def g():
    try:
        yield
    except Exception as e:
        print("g caught", repr(e), repr(e.__context__))
        raise KeyError("from g")
it = g(); next(it)
try:
    raise OSError("outer")
except OSError:
    try:
        it.throw(ValueError("thrown"))
    except KeyError as e:
        print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

def h():
    try:
        raise IndexError("h1")
    except IndexError:
        yield 1
        yield 2
it = h()
next(it)
try:
    raise TypeError("caller")
except TypeError:
    next(it)
    try:
        raise ValueError("after")
    except ValueError as e:
        print(repr(e.__context__))
it.close()

def k():
    yield 1
    raise ZeroDivisionError("k")
try:
    raise LookupError("look")
except LookupError:
    try:
        for _ in k():
            pass
    except ZeroDivisionError as e:
        print("ctx", repr(e.__context__))

async def a():
    try:
        raise RuntimeError("in coro")
    except RuntimeError:
        await W()
        raise
class W:
    def __await__(self):
        yield
c = a()
c.send(None)
try:
    c.send(None)
except RuntimeError as e:
    print("coro reraised", e)
def gen_exc_in_finally():
    try:
        yield 1
    finally:
        print("finally sees", "nothing")
for x in gen_exc_in_finally():
    try:
        raise ValueError
    except ValueError:
        pass
