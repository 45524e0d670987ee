a = list(range(8))
a[::-1] = a
print(a)
b = list(range(8))
b[1:7:2] = "abc"
print(b)
c = list(range(5))
c[10:] = [9]
print(c)
d = list(range(5))
d[-10:1] = ["start"]
print(d)
e = list(range(6))
e[4:1] = ["ins"]
print(e)
try:
    e[::2] = 5
except TypeError as ex:
    print(ex)
