def minmax(xs):
    return min(xs), max(xs)
lo, hi = minmax([3, 9, 1])
print(lo, hi)
a, b, c = 1, 2, 3
a, b, c = c, a, b
print(a, b, c)
pairs = [(1, 2), (3, 4)]
print([b for a, b in pairs], dict(pairs), tuple(map(tuple, [[1], [2]])))
