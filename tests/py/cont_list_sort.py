# list.sort and sorted: stability, key, reverse, errors
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = [5, 2, 9, 1, 5, 6]
print(a.sort(), a)
a.sort(reverse=True)
print(a)
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
words.sort(key=str.lower)
print(words)
words.sort(key=len, reverse=True)
print(words)
pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
pairs.sort(key=lambda p: p[0])
print(pairs)
pairs.sort(key=lambda p: p[0], reverse=True)
print(pairs)
print(sorted(pairs), sorted(pairs, reverse=True))
import_data = [(i * 7919) % 1000 for i in range(300)]
s1 = sorted(import_data)
print(s1[:10], s1[-10:], len(s1))
stable = [(x % 5, i) for i, x in enumerate(import_data)]
ss = sorted(stable, key=lambda p: p[0])
print(ss[:8], all([ss[i][1] < ss[i + 1][1] for i in range(len(ss) - 1) if ss[i][0] == ss[i + 1][0]]))
print(sorted([3.5, 1, 2.25, -1, 0]), sorted("hello"), sorted([], reverse=True))
check(lambda: [1, "a"].sort())
check(lambda: [1, 2].sort(1))
check(lambda: [1, 2].sort(key=1))
check(lambda: [3, 2, 1].sort(cmp=None))
b = [3, 1, 2]
def bad_key(x):
    b.append(x)
    return x
def mod_sort():
    b.sort(key=bad_key)
check(mod_sort)
print(len(b) >= 3)
count = 0
class K:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        global count
        count += 1
        return self.v < o.v
    def __repr__(self):
        return "K(" + str(self.v) + ")"
ks = [K((i * 37) % 23) for i in range(40)]
ks.sort()
print(ks[:5], count)
count = 0
ks.sort(reverse=True)
print(ks[:3], count)
c = [1, 2, 3]
c.sort(key=lambda v: -v)
print(c)
d = [0] * 5 + [1] * 5
d.sort(key=lambda v: 0, reverse=True)
print(d)
