# tuple: methods, slicing, hashing, comparison, repr
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

t = (1, 2, 3, 2, 1)
print(t.index(2), t.index(1, 1), t.index(2, -3), t.index(3, 0, 3), t.count(1), t.count(9))
check(lambda: t.index(9))
check(lambda: t.index(3, 3))
check(lambda: t.count())
print((1,), (), (1, 2), ((1,),), ("a", None, 1.5))
print(hash(()), hash((1,)), hash((1, 2)), hash((1, (2, 3))), hash((None,)) == hash((None,)))
print(hash((1, 2)) == hash((1.0, 2)), hash((-1,)), hash((2**61, 2**62)), hash((0.5, -0.5)))
check(lambda: hash((1, [2])))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 5), (1, 2) == (1, 2), (1,) != (1,), () <= (), (1, 2) >= (1, 2))
check(lambda: (1,) < ("a",))
check(lambda: (1,) < [1])
print((1, 2) + (3,), (1,) * 3, 2 * (0, 1), (1, 2) * 0)
check(lambda: (1,) + [2])
check(lambda: (1, 2)[5])
key_s = "x"
check(lambda: (1, 2)[key_s])
print(t[1:3], t[::-1], t[::2], t[-2:], t[5:], t[:0])
print(tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({3: 4}))
check(lambda: tuple(5))
print(2 in t, 9 in t, len(t))
x = (1, [2])
x[1].append(3)
print(x)
def assign():
    t[0] = 5
check(assign)
class T(tuple):
    pass
print(T((1, 2)), type(T((1, 2)) + (3,)).__name__, T([1]) == (1,))
print(list(reversed((1, 2, 3))))
a, b = (1, 2)
print(a, b)
print(tuple.__name__, (1, 2).__len__(), (1, 2).__contains__(2))
print(hash((1, 2, 3)), hash(("a", "b")) == hash(("a", "b")))
