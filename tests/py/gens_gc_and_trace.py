# Generators reached by the cycle collector (suspended in a cycle, running while collected,
# holding their globals), and trace events across resumptions of nested generators.
import gc
import sys

log = []


class Node:
    pass


def cyclic():
    node = Node()
    node.gen = me_holder[0]
    try:
        yield node
        yield "never"
    finally:
        log.append("cyclic finally")


me_holder = [None]
g = cyclic()
me_holder[0] = g
next(g)
me_holder[0] = None
del g
gc.collect()
print(log)
log.clear()


def collects_while_running():
    junk = [[] for _ in range(3)]
    for j in junk:
        j.append(j)
    del junk, j
    yield gc.collect() >= 3
    yield gc.is_tracked(sys._getframe())


r = collects_while_running()
print(next(r), next(r))


def inner():
    x = 1
    yield x
    x += 1
    yield x


def outer():
    for v in inner():
        yield v * 10


events = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if name in ("inner", "outer"):
        events.append((name, event, frame.f_lineno - inner.__code__.co_firstlineno, arg))
    return tracer


sys.settrace(tracer)
result = list(outer())
sys.settrace(None)
print(result)
for e in events:
    print(e)
