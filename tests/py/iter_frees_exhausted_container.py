done = []
class A(list):
    def __del__(self):
        done.append(1)
for maker in (lambda: iter(A([1, 2])), lambda: reversed(A([1, 2]))):
    done.clear()
    it = maker()
    for x in it: pass
    print(done)
class D(dict):
    def __del__(self):
        done.append(2)
for m in ("keys", "values", "items"):
    done.clear()
    it = iter(getattr(D(a=1), m)())
    list(it)
    print(m, done)
done.clear(); it = iter(D(a=1)); list(it); print("dict", done)
class T(tuple):
    def __del__(self): done.append(3)
done.clear(); it = iter(T((1,2))); list(it); print("tuple", done)
class S(str):
    def __del__(self): done.append(4)
done.clear(); it = iter(S("ab")); list(it); print("str", done)


# A __getitem__ that advances the same iterator (to its end) while it is being advanced.
class Seq:
    def __init__(self):
        self.it = None

    def __getitem__(self, i):
        if i == 1 and self.it is not None:
            it, self.it = self.it, None
            print("inner", list(it))
        if i >= 3:
            raise IndexError(i)
        return i * 10


s = Seq()
outer = s.it = iter(s)
print("outer", list(outer))
print("again", list(outer))


# The container's finaliser, run when the exhausted iterator lets go of it, advances the
# iterator again.
class DelDict(dict):
    def __del__(self):
        print("DelDict.__del__: next ->", next(holder[0], "end"))


class DelStr(str):
    def __del__(self):
        print("DelStr.__del__: next ->", next(holder[0], "end"))


holder = [iter(DelDict(k=1))]
print(list(holder[0]))
holder = [iter(DelStr("xy"))]
print(list(holder[0]))
