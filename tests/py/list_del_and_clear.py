a = list(range(10))
del a[0]
del a[-1]
del a[2:4]
del a[::2]
print(a)
b = a
a.clear()
print(a, b)
c = [1, 2, 3]
c = []
print(c)
try:
    del a[0]
except IndexError as e:
    print(e)
