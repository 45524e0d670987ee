# Function, cell and bound-method attributes (CPython's func_getsetlist / method_getattro).
def f(a, b=2, *, c=3) -> int:
    "doc"
    return a, b, c


print(f(1), f.__defaults__, f.__kwdefaults__, f.__annotations__, f.__module__, f.__doc__)
f.__defaults__ = (20,)
f.__kwdefaults__ = {"c": 30}
print(f(1), f.__defaults__, f.__kwdefaults__)
f.__defaults__ = None
try:
    f(1)
except TypeError as e:
    print(e)
for bad in ("__defaults__", "__kwdefaults__", "__annotations__", "__name__", "__qualname__"):
    try:
        setattr(f, bad, 5)
    except TypeError as e:
        print(e)
try:
    del f.__name__
except TypeError as e:
    print(e)
for ro in ("__closure__", "__globals__", "__builtins__"):
    try:
        setattr(f, ro, None)
    except AttributeError as e:
        print(ro, e)
f.__name__ = "renamed"
f.__qualname__ = "Q.renamed"
f.__doc__ = None
f.__module__ = "elsewhere"
print(f.__name__, f.__qualname__, f.__doc__, f.__module__, repr(f)[:22])
del f.__annotations__
print(f.__annotations__, f.__annotations__ is f.__annotations__)
f.__annotations__ = {"x": 1}
print(f.__annotations__)


def counter():
    n = 0

    def inc():
        nonlocal n
        n += 1
        return n

    return inc


c = counter()
cell = c.__closure__[0]
print(type(cell).__name__, cell.cell_contents, c(), cell.cell_contents)
cell.cell_contents = 41
print(c())
del cell.cell_contents
try:
    cell.cell_contents
except ValueError as e:
    print(e)
print(f.__closure__, c.__globals__ is globals(), type(c.__code__).__name__)


class K:
    def m(self):
        "method doc"
        return self


k = K()
m = k.m
print(m.__self__ is k, m.__func__ is K.m, m.__name__, m.__qualname__, m.__doc__, m == k.m, m != k.m, m == K().m)
print(hash(m) == hash(k.m), {m: 1}[k.m], type(m).__name__)
K.m.tag = "t"
print(k.m.tag)
try:
    m.__self__ = None
except AttributeError as e:
    print(e)
try:
    m.missing
except AttributeError as e:
    print(e)
