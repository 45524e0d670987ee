# Weak reference callbacks: when they run, in which order, what they see.
import _weakref


class C:
    pass


c = C()
order = []
r1 = _weakref.ref(c, lambda r: order.append(("cb1", r() is None)))
r2 = _weakref.ref(c, lambda r: order.append(("cb2", r is r2)))
plain = _weakref.ref(c)
p = _weakref.proxy(c, lambda r: order.append("proxy cb"))
print(_weakref.getweakrefcount(c), [type(x).__name__ for x in _weakref.getweakrefs(c)])
del c
print(order)

# a callback-less ref is shared; refs with callbacks are not
d = C()
a = _weakref.ref(d)
b = _weakref.ref(d, None)
print(a is b, _weakref.ref(d, print) is a)

# a reference that dies first never calls back
e = C()
lost = _weakref.ref(e, lambda r: print("never"))
del lost
del e
print("no callback")

# callbacks run in the order CPython runs them: newest first
x = C()
refs = [_weakref.ref(x, lambda r, i=i: print("callback", i)) for i in range(3)]
del x
print("done")


# a subclass of ref with extra state
class KeyedRef(_weakref.ref):
    __slots__ = ("key",)

    def __new__(cls, ob, callback, key):
        self = _weakref.ref.__new__(cls, ob, callback)
        self.key = key
        return self

    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)


y = C()
k = KeyedRef(y, lambda r: print("keyed gone", r.key), "the-key")
print(k.key, k() is y, isinstance(k, _weakref.ref))
del y
print("end")
