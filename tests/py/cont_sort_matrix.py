# list.sort: results, stability and the exact number of __lt__ calls (CPython's Timsort)
seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % n
calls = 0
class K:
    def __init__(self, v, i):
        self.v = v
        self.i = i
    def __lt__(self, other):
        global calls
        calls += 1
        return self.v < other.v
def shapes(n):
    return [
        ("random", [rnd(1000) for _ in range(n)]),
        ("dups", [rnd(5) for _ in range(n)]),
        ("ascending", list(range(n))),
        ("descending", list(range(n, 0, -1))),
        ("sawtooth", [i % 17 for i in range(n)]),
        ("runs", sorted([rnd(100) for _ in range(n // 2)]) + sorted([rnd(100) for _ in range(n - n // 2)], reverse=True)),
    ]
for n in [0, 1, 2, 5, 31, 64, 65, 100, 257, 1000]:
    for name, data in shapes(n):
        for reverse in (False, True):
            items = [K(v, i) for i, v in enumerate(data)]
            calls = 0
            items.sort(reverse=reverse)
            stable = all([
                (items[j].v != items[j + 1].v) or (items[j].i < items[j + 1].i)
                for j in range(len(items) - 1)
            ])
            ok = [k.v for k in items] == sorted(data, reverse=reverse)
            print(n, name, reverse, calls, stable, ok)
words = ["w" + str(rnd(50)) for i in range(200)]
print(sorted(words, key=len)[:10], sorted(words, key=lambda w: w[-1], reverse=True)[:10])
