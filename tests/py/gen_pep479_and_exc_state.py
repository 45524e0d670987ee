# PEP 479: StopIteration leaving a generator or coroutine becomes RuntimeError; the handled
# exception inside a generator is saved across yields.
def gen_stop():
    yield 1
    raise StopIteration("inner")
try:
    list(gen_stop())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__), e.__suppress_context__)

def next_on_empty():
    yield next(iter([]))
try:
    next(next_on_empty())
except RuntimeError as e:
    print(e, type(e.__cause__).__name__)

async def coro_stop():
    raise StopIteration
try:
    coro_stop().send(None)
except RuntimeError as e:
    print(e)

async def agen_stop():
    yield 1
    raise StopAsyncIteration
ag = agen_stop()
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("first item", e.value)
try:
    ag.__anext__().send(None)
except RuntimeError as e:
    print(e)

async def agen_stopiter():
    yield 1
    raise StopIteration
ag = agen_stopiter()
try:
    ag.__anext__().send(None)
except StopIteration as e:
    print("first item", e.value)
try:
    ag.__anext__().send(None)
except RuntimeError as e:
    print(e)

# A generator's handled exception survives the yield and is reraised by a bare `raise`, while
# the caller handles a different exception in between.
def keeps_exception():
    try:
        raise ValueError("inside")
    except ValueError:
        yield "in handler"
        raise
g = keeps_exception()
print(next(g))
try:
    raise KeyError("outside")
except KeyError:
    try:
        next(g)
    except ValueError as e:
        print("reraised", repr(e), "context", repr(e.__context__))

# Inside the generator, the caller's handled exception is the context of new ones.
def sees_caller_exception():
    yield
    raise TypeError("new")
g = sees_caller_exception()
next(g)
try:
    raise OSError("caller's")
except OSError:
    try:
        next(g)
    except TypeError as e:
        print("context:", repr(e.__context__))

# A return value in StopIteration, seen by next() and by a for loop.
def returns():
    yield 1
    return 99
it = returns()
print(next(it))
try:
    next(it)
except StopIteration as e:
    print("value", e.value, e.args)
print([x for x in returns()], next(returns()), next(iter([]), "default"))
it = returns()
next(it)
print(next(it, "default after return"))

# A thrown exception is chained to the generator's own handled exception, not the caller's.
def handling():
    try:
        raise KeyError("k")
    except KeyError:
        yield 1
it = handling()
next(it)
try:
    it.throw(ValueError("x"))
except ValueError as e:
    print("thrown context:", repr(e.__context__))
def plain():
    yield 1
it = plain()
next(it)
try:
    raise OSError("outer")
except OSError:
    try:
        it.throw(ValueError("y"))
    except ValueError as e:
        print("thrown context:", repr(e.__context__))
