# Interpreter shutdown: the globals of __main__ are released in insertion order, cycles are
# collected first, and finalizers still see builtins.
import _weakref


class C:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name, len(self.name))


first = C("first")
second = C("second")
cyc = C("in a cycle")
cyc.me = cyc
del cyc


ref_target = C("weakly referenced")
r = _weakref.ref(ref_target, lambda ref: print("callback at exit"))
print("end of script")
