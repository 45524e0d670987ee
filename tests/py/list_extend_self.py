a = [1, 2, 3]
a.extend(a)
print(a)
a[len(a):] = a
print(len(a))
b = [1, 2]
b += b
print(b)
c = [0]
c *= 3
print(c, c * 0, [] * 100, [None] * 3)
d = [1, 2, 3]
d[:] = d[::-1]
print(d)
