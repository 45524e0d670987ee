# Generators consumed by builtins and statements: list/dict/sorted/any/all/in, zip, class-scope
# generator expressions, lambdas that yield, send() protocols, reprs (without addresses).
g = (lambda: (yield 1))()
print(next(g), g.__name__, g.__qualname__)
class A:
    xs = list(x * 2 for x in range(3))
    def gen(self):
        yield self
    def sgen(self):
        yield from range(2)
print(A.xs, next(A().gen()).__class__.__name__, list(A().sgen()), A().gen().__qualname__)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def echo():
    received = []
    while True:
        try:
            x = yield len(received)
        except GeneratorExit:
            print("exit with", received)
            raise
        received.append(x)
e = echo()
next(e)
e.send("a"); e.send("b")
e.close()
def nested_gens():
    for i in range(3):
        yield (j for j in range(i))
print([list(x) for x in nested_gens()])
def gen_with_return_in_try():
    try:
        yield 1
        return 2
    finally:
        print("cleanup")
print(list(gen_with_return_in_try()))
z = zip((i for i in range(3)), (c for c in "abc"))
print(list(z))
print(dict((k, v) for k, v in [(1, 2)]))
print(sorted(x for x in [3, 1, 2]))
print(any(x > 1 for x in [1, 2]), all(x for x in []))
gen = (x for x in range(3))
print(3 in gen, 0 in gen)
def g2():
    x = yield
    while x is not None:
        x = yield x * 2
c = g2(); next(c)
print(c.send(3), c.send(4))
try:
    c.send(None)
except StopIteration as s:
    print("stopped", s.value)
def rec(n):
    if n:
        for x in rec(n - 1):
            yield x
        yield n
print(list(rec(50))[:5])
def unpack():
    a, *b = yield
    yield a, b
u = unpack(); next(u); print(u.send([1, 2, 3]))
print(type(fib).__name__, type(f).__name__, repr(f).startswith("<generator object fib at 0x"))
async def co(): pass
c = co(); print(repr(c).startswith("<coroutine object co at 0x")); c.close()
async def ag(): yield
a = ag(); print(repr(a).startswith("<async_generator object ag at 0x"))
g3 = (i for i in range(2))
print(next(g3), g3.gi_running, list(g3), g3.gi_suspended)
def yield_in_except():
    try:
        1/0
    except ZeroDivisionError as e:
        yield type(e).__name__
    yield "after"
print(list(yield_in_except()))
