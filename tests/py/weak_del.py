# __del__ (PEP 442): runs once, may resurrect, runs before weak reference callbacks.
import _weakref


class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


c = C("a")
r = _weakref.ref(c, lambda ref: print("callback after del"))
del c
print("---")

saved = []


class Phoenix:
    def __del__(self):
        print("phoenix del")
        saved.append(self)


p = Phoenix()
del p
print(len(saved))
saved.clear()
print("cleared: no second __del__")


class Base:
    def __del__(self):
        print("base del", type(self).__name__)


class Derived(Base):
    pass


Derived()


class L(list):
    def __del__(self):
        print("list subclass del", len(self))


L([1, 2, 3])


def scope():
    x = C("local")
    print("leaving")


scope()
print("end")
