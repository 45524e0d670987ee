# Exceptions raised and caught in loops: tracebacks (one entry per frame), context and
# cause chaining, re-raising the same object, finally, and tracebacks through generators
# resumed from native code.
import sys


def tb_names(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out


class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code


def risky(i):
    if i % 3 == 0:
        raise AppError(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i


def wrapped(i):
    try:
        return risky(i)
    except KeyError:
        raise ValueError(i) from None


results = []
for i in range(16):
    try:
        results.append(wrapped(i))
    except AppError as e:
        results.append(("app", e.code, e.args, tb_names(e), e.__context__))
    except ValueError as e:
        results.append(("value", e.args, e.__cause__, e.__suppress_context__, type(e.__context__).__name__))
    finally:
        results.append("f")
for r in results:
    print(r)

# the name bound by except is deleted afterwards
try:
    raise KeyError(1)
except KeyError as e:
    pass
print("e" in dir())

# the same object raised again and again gains one entry per raise
err = KeyError("same")
for i in range(3):
    try:
        raise err
    except KeyError:
        pass
print(len(tb_names(err)))

# a bare raise keeps the traceback and adds no entry for its own frame
def reraiser():
    try:
        risky(3)
    except AppError:
        raise


try:
    reraiser()
except AppError as e:
    print(tb_names(e))

# implicit chaining inside a handler, in a loop
chain = []
for i in range(3):
    try:
        try:
            raise KeyError(i)
        except KeyError:
            raise IndexError(i)
    except IndexError as e:
        chain.append((repr(e), repr(e.__context__), e.__context__.__context__))
print(chain)

# sys.exception() inside and after handlers
try:
    raise TypeError("t")
except TypeError:
    try:
        raise ValueError("v")
    except ValueError:
        print(repr(sys.exception()))
    print(repr(sys.exception()))
print(sys.exception())


# exceptions leaving generators resumed by native code (sum, list, sorted)
def gen_fails(n):
    for i in range(n):
        if i == 3:
            raise LookupError("at 3")
        yield i


for consumer in (sum, list, sorted):
    try:
        consumer(gen_fails(10))
    except LookupError as e:
        print(consumer.__name__, tb_names(e))


# an exception caught inside a generator, the generator keeps going
def tolerant(items):
    for x in items:
        try:
            yield 10 // x
        except ZeroDivisionError:
            yield "div0"


print(list(tolerant([1, 0, 2, 0, 5])))
print(list(x for x in tolerant([0, 3])))


# finally with return/continue/break in loops
def finals():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out


print(finals())


def finally_overrides():
    try:
        raise KeyError("lost")
    finally:
        return "finally wins"


print(finally_overrides())

# an uncaught exception through a generator and a function: the full traceback
def leaf():
    yield 1
    raise RuntimeError("uncaught from a generator")


def driver():
    return [x for x in leaf()]


driver()
