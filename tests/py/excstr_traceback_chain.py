# Traceback objects: tb_next chains, tb_lineno, tb_frame, re-raise appends entries.
import sys


def inner(n):
    if n == 0:
        raise ValueError("deep")
    return inner(n - 1)


def middle():
    try:
        inner(2)
    except ValueError:
        raise


def entries(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_lasti >= 0))
        tb = tb.tb_next
    return out


try:
    middle()
except ValueError as e:
    print(entries(e.__traceback__))
    print(e.__traceback__.tb_frame is sys._getframe())

# Re-raising the same exception object appends entries each time it passes a frame.
saved = None
def again():
    raise saved

saved = KeyError("k")
for _ in range(3):
    try:
        again()
    except KeyError as e:
        print(len(entries(e.__traceback__)), [n for n, _, _ in entries(e.__traceback__)])

# `raise e from None` in a loop: the cause is cleared, the context suppressed every time.
errs = []
for i in range(3):
    try:
        try:
            {}[i]
        except KeyError as k:
            raise ValueError(i) from None
    except ValueError as v:
        errs.append((v.__cause__, v.__suppress_context__, type(v.__context__).__name__, len(entries(v.__traceback__))))
print(errs)

# with_traceback replaces; deleting is setting None.
e = ValueError("w")
try:
    raise e
except ValueError as x:
    tb = x.__traceback__
e2 = RuntimeError("r").with_traceback(tb)
print(e2.__traceback__ is tb, entries(tb))
e2.__traceback__ = None
print(e2.__traceback__)
try:
    e2.__traceback__ = 5
except TypeError as x:
    print("TypeError", x)

# Locals of a frame that an exception left are still readable through tb_frame.
def leaves():
    secret = 42
    raise IndexError("x")

try:
    leaves()
except IndexError as x:
    tb = x.__traceback__.tb_next
    print(tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals["secret"], tb.tb_frame.f_back is sys._getframe())

# except* keeps traceback entries of the split parts.
def group():
    raise ExceptionGroup("g", [ValueError(1), TypeError(2)])

try:
    try:
        group()
    except* ValueError as eg:
        print("caught", [repr(x) for x in eg.exceptions], len(entries(eg.__traceback__)))
except* TypeError as eg:
    print("outer", [repr(x) for x in eg.exceptions], len(entries(eg.__traceback__)))


# An uncaught one prints the full traceback with its markers.
def fail(x):
    return x["missing"] + 1

def outer():
    try:
        fail({})
    except KeyError as k:
        raise RuntimeError("wrapped") from k

outer()
