def inner():
    yield 1
    raise ValueError("v")
def f():
    return 1/0
def walk(e):
    tb = e.__traceback__
    while tb:
        print(tb.tb_frame.f_code.co_name, tb.tb_lineno, tb.tb_frame.f_lineno)
        tb = tb.tb_next
try:
    f()
except ZeroDivisionError as e:
    walk(e)
g = inner()
next(g)
try:
    next(g)
except ValueError as e:
    walk(e)
def outer():
    yield from inner()
o = outer()
next(o)
try:
    o.throw(KeyError("k"))
except KeyError as e:
    walk(e)
# The frame object of a thrown-into generator is its gi_frame, and tracing sees the raise.
import sys
def gen():
    try:
        yield 1
    except KeyError:
        pass
    yield 2
g = gen()
next(g)
gf = g.gi_frame
events = []
def tracer(frame, event, arg):
    if frame.f_code.co_name == "gen":
        events.append((event, frame.f_lineno, arg[0].__name__ if event == "exception" else None))
    return tracer
sys.settrace(tracer)
print(g.throw(KeyError))
sys.settrace(None)
print(events)
def gen2():
    yield 1
g2 = gen2()
next(g2)
f2 = g2.gi_frame
try:
    g2.throw(IndexError("i"))
except IndexError as e:
    print(e.__traceback__.tb_next.tb_frame is f2, e.__traceback__.tb_next.tb_lasti == f2.f_lasti)
pev = []
def prof(frame, event, arg):
    if frame.f_code.co_name in ("gen3", "outer3"):
        pev.append((frame.f_code.co_name, event))
def gen3():
    try:
        yield 1
    except ValueError:
        yield 2
def outer3():
    yield from gen3()
o3 = outer3()
next(o3)
sys.setprofile(prof)
print(o3.throw(ValueError))
sys.setprofile(None)
print(pev)
