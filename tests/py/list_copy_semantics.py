a = [[1], [2]]
b = a[:]
c = list(a)
d = a.copy()
a[0].append(9)
a.append([3])
print(a, b, c, d, b is a, b[0] is a[0])
e = [[0] * 2 for _ in range(2)]
f = [row[:] for row in e]
e[0][0] = 1
print(e, f)
