s = set(range(20, 0, -3))
print(s)
s = {5, 1, 9, 33, 17, 64, 2}
print(s, list(s), frozenset({8, 2, 4}))
print({-1, -2, 0}, set([100, 1, 10]))
u = set()
for i in [7, 3, 7, 1, 3]:
    u.add(i)
print(u, {x * x for x in range(6)})
