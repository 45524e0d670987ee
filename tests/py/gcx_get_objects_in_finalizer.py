# gc.get_objects() called by a finalizer or a weak-reference callback during a collection
# does not hand out the collection's garbage.
import gc
import _weakref as weakref

seen = []


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        objs = gc.get_objects()
        seen.append((self.name, any(o is self for o in objs), any(o is self.other for o in objs)))


def make_cycle():
    a = Node("a")
    b = Node("b")
    a.other = b
    b.other = a


gc.collect()
gc.disable()
make_cycle()
n = gc.collect()
print("collected", n)
print(sorted(seen))

# A weak-reference callback sees neither the referent's cycle nor its members.
class Leaf:
    pass

hidden = []


def cb(ref):
    objs = gc.get_objects()
    hidden.append(any(type(o) is Leaf for o in objs))


x = Leaf()
x.me = x
r = weakref.ref(x, cb)
del x
print("collected", gc.collect())
print(hidden, r() is None)

# Outside a collection, live objects are listed.
keep = Leaf()
print(any(o is keep for o in gc.get_objects()))
gc.enable()
