import gc
def check(it_fn, cls, *args):
    done = False
    def wrapper():
        nonlocal done
        class A(cls):
            def __del__(self):
                nonlocal done
                try:
                    next(it)
                except StopIteration:
                    done = True
        it = it_fn(A(*args))
        try:
            next(it)
        except StopIteration:
            pass
    wrapper()
    gc.collect()
    return done
print(check(iter, list), check(iter, tuple), check(iter, str), check(iter, dict), check(iter, set), check(iter, bytearray), check(iter, bytes), check(reversed, tuple))
l = [1, 2, 3]
r = reversed(l)
print(next(r), r.__length_hint__(), list(r), r.__length_hint__(), list(r))
l2 = [1, 2, 3, 4]
r2 = reversed(l2)
next(r2)
del l2[:]
print(list(r2), r2.__length_hint__())
inside = False
class Seq:
    def __len__(self): return 3
    def __getitem__(self, i):
        global inside
        if i == 1 and not inside:
            inside = True
            return ("inner", next(rs, "none"))
        return i
rs = reversed(Seq())
print(list(rs))
# A list that shrinks under its reverse iterator is let go by the step that finds nothing.
class B(list):
    def __del__(self):
        print("B freed")
b = B([1, 2, 3])
rb = reversed(b)
print(next(rb))
b.clear()
del b
print(next(rb, "end"))
print("after")
