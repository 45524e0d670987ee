def sub(n):
    total = 0
    for i in range(n):
        total += yield i
    return total
def main():
    results = []
    for n in (2, 3):
        r = yield from sub(n)
        results.append(r)
    return results
g = main()
out = [next(g)]
try:
    while True:
        out.append(g.send(10))
except StopIteration as e:
    print(out, e.value)
def yf_iter():
    r = yield from iter([1, 2])
    yield ("iter returns", r)
print(list(yf_iter()))
