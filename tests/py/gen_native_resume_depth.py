# Generators resumed from native code (next(), sum(), list(), send()) many times and deeply
# nested: results, RecursionError at the limit, and the generators stay usable afterwards.
import sys


def chain(depth):
    if depth == 0:
        yield 1
        yield 2
        return
    inner = chain(depth - 1)
    # next() from inside a generator: a native resumption nested in one.
    yield next(inner) + 1
    yield sum(inner) + 1


print(list(chain(5)))
print(list(chain(50)))

def recurse(n):
    g = (x for x in [n])
    return next(g) + (recurse(n + 1) if n < 100000 else 0)

try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)

def nested_next(depth):
    def gen(d):
        if d == 0:
            yield "bottom"
        else:
            yield next(gen(d - 1))
    return next(gen(depth))

print(nested_next(100))
try:
    nested_next(5000)
except RecursionError as e:
    print("RecursionError:", e)
print(nested_next(100))

def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        total += v
        count += 1
        avg = total / count

a = averager()
next(a)
for i in range(2000):
    last = a.send(i)
print(last)
print(sum(x * x for x in range(3000)), max(x % 7 for x in range(3000)), tuple(i for i in range(3)))
print(",".join(str(i) for i in range(5)), sorted((i * 37) % 11 for i in range(11)))
a.close()
try:
    a.send(1)
except StopIteration:
    print("closed")
