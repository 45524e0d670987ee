# map, filter, zip, enumerate, reversed, iter(callable, sentinel): results and errors
def attempt(expr, f):
    try:
        r = f()
        print(expr, "->", repr(r))
    except BaseException as e:
        print(expr, "!!", type(e).__name__, e)

attempt('map()', lambda: map())
attempt('map(len)', lambda: map(len))
attempt('map(len, 1)', lambda: map(len, 1))
attempt('map(len, [1], x=1)', lambda: map(len, [1], x=1))
attempt('filter(None)', lambda: filter(None))
attempt('filter(None, 1)', lambda: filter(None, 1))
attempt('filter(None, [], x=1)', lambda: filter(None, [], x=1))
attempt('zip(1)', lambda: zip(1))
attempt('zip([], 1)', lambda: zip([], 1))
attempt('zip(x=1)', lambda: zip(x=1))
attempt('zip(strict=True, x=1)', lambda: zip(strict=True, x=1))
attempt('enumerate()', lambda: enumerate())
attempt('enumerate(1)', lambda: enumerate(1))
attempt("enumerate([], 'a')", lambda: enumerate([], 'a'))
attempt('enumerate([], start=1, x=2)', lambda: enumerate([], start=1, x=2))
attempt('list(enumerate(iterable=[1], start=5))', lambda: list(enumerate(iterable=[1], start=5)))
attempt('enumerate([], 1, 2)', lambda: enumerate([], 1, 2))
attempt('reversed(1)', lambda: reversed(1))
attempt('reversed()', lambda: reversed())
attempt('reversed([], x=1)', lambda: reversed([], x=1))
attempt('list(reversed({}))', lambda: list(reversed({})))
attempt('reversed({1})', lambda: reversed({1}))
attempt('iter()', lambda: iter())
attempt('iter(1, 2, 3)', lambda: iter(1, 2, 3))
attempt('iter(1, 2)', lambda: iter(1, 2))
attempt('iter([], x=1)', lambda: iter([], x=1))
attempt('next(iter(map(len, [1])))', lambda: next(iter(map(len, [1]))))
attempt('list(zip([1,2],[3], strict=True))', lambda: list(zip([1,2],[3], strict=True)))
attempt('list(zip([1],[3,4], strict=True))', lambda: list(zip([1],[3,4], strict=True)))
attempt('list(zip([1],[2],[3,4], strict=True))', lambda: list(zip([1],[2],[3,4], strict=True)))
attempt('list(zip([1,2],[2],[3], strict=True))', lambda: list(zip([1,2],[2],[3], strict=True)))
attempt('list(zip([1,2,3],[2,3],[3], strict=True))', lambda: list(zip([1,2,3],[2,3],[3], strict=True)))
attempt('types', lambda: (type(map(len,[])), type(zip()), type(enumerate([])), type(reversed((1,))), type(iter(int, 1)), type(filter(None, []))))
attempt('repr(map)', lambda: repr(map))
attempt('list(reversed(range(5)))', lambda: list(reversed(range(5))))
attempt("list(reversed('abc'))", lambda: list(reversed('abc')))
attempt('list(reversed({1:2, 3:4}))', lambda: list(reversed({1:2, 3:4})))
attempt("list(enumerate('ab', 2**70))", lambda: list(enumerate('ab', 2**70)))
attempt('list(zip())', lambda: list(zip()))
attempt('list(map(pow, [2, 3], [5, 6, 7]))', lambda: list(map(pow, [2, 3], [5, 6, 7])))
attempt("list(filter(None, [0, 1, '', 'a']))", lambda: list(filter(None, [0, 1, '', 'a'])))
attempt('list(iter([3,2,1].pop, 1))', lambda: list(iter([3,2,1].pop, 1)))
attempt('list(zip([1], strict=1))', lambda: list(zip([1], strict=1)))
attempt('list(zip([1], [2], strict=False))', lambda: list(zip([1], [2], strict=False)))
attempt('map.__name__', lambda: map.__name__)
attempt('reversed(range(3)).__length_hint__()', lambda: reversed(range(3)).__length_hint__())
attempt('iter(len, 1, 2)', lambda: iter(len, 1, 2))
attempt('next(1)', lambda: next(1))
attempt('next(iter([]), 5)', lambda: next(iter([]), 5))
attempt('next(iter([]))', lambda: next(iter([])))
attempt('next()', lambda: next())
attempt('next(1,2,3)', lambda: next(1,2,3))
class R:
    def __reversed__(self): return iter([1, 2])
print(list(reversed(R())))
class N:
    __reversed__ = None
    def __len__(self): return 1
    def __getitem__(self, i): return i
try: reversed(N())
except TypeError as e: print(e)
class G:
    def __getitem__(self, i):
        if i < 3: return i * 10
        raise IndexError
print(list(G()), list(iter(G())), 20 in G())
class L:
    def __len__(self): return 2
    def __getitem__(self, i): return 'x' + str(i)
print(list(reversed(L())))
try: reversed(G())
except TypeError as e: print(e)

# laziness: side effects interleave with consumption
log = []
def f(x):
    log.append(x)
    return x * 2
m = map(f, [1, 2, 3])
print(log, next(m), log, list(m), log)
it = iter([1, 2, 3, 4])
z = zip(it, it)
print(list(z))
e = enumerate("abc", start=-1)
print(next(e), list(e), list(e))
r = reversed([1, 2, 3])
print(next(r), list(r), list(r))
c = iter([5, 6, 7, 0, 8].pop, 7)
print(list(c), list(c))
import_count = [0]
def counter():
    import_count[0] += 1
    return import_count[0]
print(list(iter(counter, 4)))
class E(enumerate):
    pass
print(list(E("xy", 1)), type(E("")).__name__)
class Sq:
    def __len__(self): return 3
    def __getitem__(self, i):
        if i >= 3: raise IndexError(i)
        return i * i
print(list(reversed(Sq())), list(map(lambda a, b: a + b, Sq(), Sq())))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
print(list(filter(lambda x: x % 2, range(10))), list(filter(bool, [0, 3])))
print(list(zip(range(3), reversed(range(3)), strict=True)))
print(list(enumerate([])), list(zip("a", [], strict=False)))
list(zip([1, 2], [1], strict=True))
