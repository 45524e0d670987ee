# exec/eval of a generator function's code object: CPython makes a function from the code,
# so the generator is named by the code and exec discards it.
def g(a=1):
    yield 1
    yield 2

def noargs():
    yield "x"
    yield "y"

print(exec(noargs.__code__))
gen = eval(noargs.__code__)
print(type(gen).__name__, gen.__name__, gen.__qualname__)
print(list(gen))
try:
    exec(g.__code__)
except TypeError as e:
    print("TypeError", e)

class K:
    def m(self):
        yield self
gm = eval(K.m.__code__, {}) if K.m.__code__.co_argcount == 0 else None
print(gm)
async def co():
    return 3
c = eval(co.__code__)
print(type(c).__name__, c.__qualname__)
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)
def f(a, b=2, *, c):
    return a
for src in (f.__code__,):
    try:
        print(exec(src))
    except TypeError as e:
        print("TypeError", e)
def h(*args, **kw):
    print(args, kw)
exec(h.__code__)
def k(x):
    print("k ran")
try:
    eval(k.__code__)
except TypeError as e:
    print("TypeError", e)
def cl():
    y = 1
    def inner():
        return y
    return inner
try:
    exec(cl().__code__)
except TypeError as e:
    print("TypeError", e)
def outer():
    z = 5
    class C:
        def gen(self):
            yield z
    return C
C = outer()
import types
cells = C.gen.__closure__
def show(x):
    print(x.__qualname__ if hasattr(x, "__qualname__") else x)
try:
    exec(C.gen.__code__, {}, None, closure=cells)
except TypeError as e:
    print("TypeError", e)
class Q:
    def m():
        yield 1
qg = eval(Q.m.__code__)
print(qg.__name__, qg.__qualname__, Q.m.__qualname__)
