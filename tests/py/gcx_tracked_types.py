# Cycles through generators, exceptions' own fields, modules, bound builtin methods and frames
# are collected (their types are tracked and traversed).
import gc, sys, _weakref
gc.disable()
gc.collect()
freed = []
class Box: pass

# A generator whose frame holds the generator (suspended): closed and collected.
def gen():
    me = yield 1
    try:
        yield 2
    finally:
        freed.append("finally ran")
g = gen(); next(g); g.send(g)

r = _weakref.ref(g, lambda r: freed.append("generator"))
del g
gc.collect()
print("gen", freed)
freed.clear()

# An exception whose traceback's frame holds it.
def fail():
    try:
        raise ValueError("x")
    except ValueError as e:
        keep = e
        holder = Box()
        holder.exc = keep
        return holder
h = fail()
r2 = _weakref.ref(h, lambda r: freed.append("holder"))
e = h.exc
del h
print("exc", e.__traceback__ is not None)
del e
print(gc.collect() > 0, freed)
freed.clear()

# __context__ / __cause__ / args cycles
class E(Exception): pass
x = E(); y = E(x); x.__context__ = y; x.__cause__ = y
r3 = _weakref.ref(x, lambda r: freed.append("E"))
del x, y
print("ctx", gc.collect(), freed)
freed.clear()

# A module in a cycle.
import types
m = types.ModuleType("m")
m.me = m
r4 = _weakref.ref(m, lambda r: freed.append("module"))
del m
print("module", gc.collect() > 0, freed)
freed.clear()

# A bound builtin method in a cycle.
l = []
l.append(l.append)
class Tag(list): pass
t = Tag()
t.append(t.append)
r5 = _weakref.ref(t, lambda r: freed.append("bound method"))
del t
print("method", gc.collect() > 0, freed)
freed.clear()

# A frame object in a cycle.
def frame_cycle():
    f = sys._getframe()
    return f
f = frame_cycle()
print("frame", gc.is_tracked(f), f.f_locals['f'] is f)
r6 = _weakref.ref(f.f_locals['f'].f_code)
del f
print(gc.collect() > 0)
print(gc.is_tracked(_weakref), gc.is_tracked(ValueError()), gc.is_tracked([].append))
gc.enable()
