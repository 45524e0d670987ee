# Cycles through tracebacks and module objects are collected.
import gc, sys, _weakref

gc.disable()

class Holder:
    pass

# A traceback cycle: the exception caught into a local of the frame its traceback names.
def make_tb_cycle():
    h = Holder()
    try:
        raise ValueError("x")
    except ValueError as e:
        h.exc = e
        h.tb = e.__traceback__
        h.frame = e.__traceback__.tb_frame
    return _weakref.ref(h), h.tb

wr, tb = make_tb_cycle()
print(type(tb).__name__, tb.tb_frame is not None, tb.tb_next is None)
del tb
print(wr() is not None)
print(gc.collect() > 0)
print(wr())

# A module cycle: a module whose namespace refers back to it.
ModuleType = type(sys)
def make_module_cycle():
    m = ModuleType("cyc")
    m.me = m
    m.h = Holder()
    m.h.mod = m
    return _weakref.ref(m), _weakref.ref(m.h)

wm, wh = make_module_cycle()
print(wm() is not None, wh() is not None)
gc.collect()
print(wm(), wh())

# A module subclass on a cycle through an instance attribute.
class MyModule(ModuleType):
    pass
m = MyModule("sub")
m.self_ref = m
wsub = _weakref.ref(m)
del m
gc.collect()
print(wsub())

# A traceback chain kept only by a cycle of holders.
def deep(n):
    if n == 0:
        raise KeyError("deep")
    deep(n - 1)

def chain():
    h = Holder()
    try:
        deep(3)
    except KeyError as e:
        h.tb = e.__traceback__
        n = 0
        t = h.tb
        while t is not None:
            n += 1
            t = t.tb_next
        h.count = n
        h.me = h
    return _weakref.ref(h), h.count

wc, count = chain()
print(count)
gc.collect()
print(wc())
gc.enable()
