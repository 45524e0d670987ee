points = [(1, 2), (3, 4), (5, 6)]
for x, y in points:
    print(x * y, end=" ")
print()
xs, ys = zip(*points)
print(xs, ys, sum(xs), max(points, key=lambda p: p[1]))
swap = tuple((y, x) for x, y in points)
print(swap, sorted(swap), tuple(sorted(swap, reverse=True)))
t = 1, 2, 3
print(t, type(t).__name__, (t), (t,), len((t,)))
