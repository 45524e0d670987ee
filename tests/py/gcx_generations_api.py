# The gc module over three generations: collect(generation), counts, stats, callbacks,
# DEBUG_SAVEALL, get_referents/get_referrers, freeze, get_objects(generation).
import gc
gc.disable()
gc.collect()
print(gc.get_count())
gc.collect(0); print(gc.get_count())
gc.collect(0); print(gc.get_count())
gc.collect(1); print(gc.get_count())
gc.collect(); print(gc.get_count())
print([s['collections'] > 0 for s in gc.get_stats()])
def cb(phase, info):
    print(phase, sorted(info.items()))

gc.callbacks.append(cb)
class A: pass
a = A(); a.me = a; del a
gc.collect(1)
gc.callbacks.clear()
gc.set_debug(gc.DEBUG_SAVEALL)
a=A(); a.me=a; del a
print(gc.collect(), [type(x).__name__ for x in gc.garbage])
gc.set_debug(0); gc.garbage.clear()
print(gc.get_debug())
try: gc.set_debug('x')
except Exception as e: print(type(e).__name__, e)
print(gc.get_referents(1, [1,2], (3,)))
l=[]; d={'k': l}
print(any(r is d for r in gc.get_referrers(l)))
keep = A(); keep.me = keep
gc.freeze(); print(gc.get_freeze_count() > 0, any(o is keep for o in gc.get_objects()))
gc.unfreeze(); print(gc.get_freeze_count(), any(o is keep for o in gc.get_objects(2)))
y = [1]
print(any(o is y for o in gc.get_objects(0)), any(o is y for o in gc.get_objects(1)))
gc.collect(0)
print(any(o is y for o in gc.get_objects(0)), any(o is y for o in gc.get_objects(1)))
# Errors.
for bad in (3, -1):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("collect", bad, e)
print(len(gc.get_objects(-1)) > 0)
for bad in (3, -2):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("get_objects", bad, e)
gc.set_threshold(5, 3, 2)
print(gc.get_threshold())
gc.set_threshold(2000, 10, 10)
gc.enable()
