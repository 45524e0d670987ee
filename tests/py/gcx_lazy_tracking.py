# Dicts start untracked and are tracked once they hold something that may be tracked; tuples
# (and, in a full collection, dicts) whose items are atoms are untracked by a collection.
import gc

print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}), gc.is_tracked({1: (1, 2)}))
d = {}
d["x"] = 1
print(gc.is_tracked(d))
d["y"] = [d]
print(gc.is_tracked(d))
d2 = dict(a=1, b="s", c=2.5, e=None)
print(gc.is_tracked(d2))
d2["f"] = {}
print(gc.is_tracked(d2))

n = 5
t = (n, "a", 3.0)
u = ([],)
v = (t, None)
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))
gc.collect()
print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))


class C:
    pass


w = (C(),)
gc.collect()
print(gc.is_tracked(w))

# A dict that held a container and lost it is untracked by a full collection only.
holder = {"k": [1]}
holder["k"] = 1
gc.collect(0)
print(gc.is_tracked(holder))
gc.collect()
print(gc.is_tracked(holder))
holder["k"] = [2]
print(gc.is_tracked(holder))

# get_referents still sees an untracked tuple's items.
print(gc.get_referents((n, "a")))
# Cycles through dicts that became tracked are collected.
a = {}
a["self"] = a
del a
print(gc.collect() >= 1)

# A running frame's object is tracked only once its frame is done.
import sys


def running():
    f = sys._getframe()
    return f, gc.is_tracked(f)


f, was = running()
print(was, gc.is_tracked(f))
