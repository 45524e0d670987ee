n = 100000
a = list(range(n))
print(sum(a), a[n // 2], len(a[::3]), a[-1], sum(a[1000:2000]))
a.reverse()
print(a[:3], a.index(0))
b = [x * 2 for x in a if x % 1000 == 0]
print(len(b), b[:3])
del a[::2]
print(len(a), a[:3])
c = a + a
print(len(c), c.count(1))
