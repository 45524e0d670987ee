a = list(range(10))
print(a[2:5], a[::-1], a[::3], a[-3:], a[8:2:-2], a[100:], a[:-100])
a[2:5] = ["x"]; print(a)
a[1:1] = [10, 11]; print(a)
a[::2] = list("ABCDEFGHIJKL")[:len(a[::2])]; print(a)
del a[::3]; print(a)
del a[1:3]; print(a)
try:
    a[::2] = [1, 2, 3]
except ValueError as e:
    print(e)
b = list(range(5)); b[3:] = []; b[-1:] = [9, 9]; print(b)
