# A call entered by the specialised CALL starts its callee past RESUME only when that RESUME
# would do nothing. These set a trace or profile function in the middle of a run, between
# warmed-up calls: the callee's entry must still report it.
import sys


def leaf(n):
    return n + 1


def pair(a, b):
    return a * 10 + b


def warm():
    t = 0
    for i in range(200):
        t += leaf(i) + pair(i, 1)
    return t


print("warm", warm())

events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("leaf", "pair"):
        events.append((frame.f_code.co_name, event, frame.f_lineno))
    return None


def traced_body():
    t = 0
    for i in range(4):
        if i == 2:
            sys.settrace(tracer)
        t += leaf(i)
        t += pair(i, i)
    sys.settrace(None)
    return t


print("traced", traced_body())
print(events)

calls = []


def profiler(frame, event, arg):
    if frame.f_code.co_name in ("leaf", "pair"):
        calls.append((frame.f_code.co_name, event, arg if event == "return" else None))


def profiled_body():
    t = 0
    for i in range(3):
        if i == 1:
            sys.setprofile(profiler)
        t += leaf(i)
    sys.setprofile(None)
    return t


print("profiled", profiled_body())
print(calls)

# Recursion through the in-place windows: arguments of several sizes, defaults, and a
# recursion error unwound through them.
def f3(a, b, c=7):
    if a <= 0:
        return b + c
    return f3(a - 1, b + 1) + f3(a - 2, b, c)


print("f3", f3(12, 0))


def deep(n):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("recursion", type(e).__name__)
print("after", f3(5, 1, 2))
