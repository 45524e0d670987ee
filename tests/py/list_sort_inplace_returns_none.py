a = [3, 1, 2]
r = a.sort()
print(r, a)
b = sorted(a, reverse=True)
print(b, a, b is a)
print([3, 1, 2].reverse(), list(reversed([3, 1, 2])))
