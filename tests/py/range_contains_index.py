r = range(-10, 10, 3)
for v in [-10, -7, -6, 8, 9, 10, 2.0, 2.5, True, "x"]:
    print(repr(v), v in r)
print(r.index(-4), r.count(2), r.count(2.0), range(0) == range(5, 5), range(1, 5, 2) == range(1, 6, 2), list(range(1, 5, 2)))
try:
    r.index(0)
except ValueError as e:
    print(e)
