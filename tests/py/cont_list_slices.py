# list slicing: read, assign (simple and extended), delete
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[1::3], a[::-1], a[-3:], a[:-7], a[8:2:-2], a[100:], a[-100:2])
print(a[5:2], a[::-3], a[slice(1, 4)], a[slice(None, None, -4)])
check(lambda: a[::0])
check(lambda: a["x":])
b = list(range(6))
b[1:3] = ["a", "b", "c"]
print(b)
b[:0] = [9]
print(b)
b[len(b):] = (7, 8)
print(b)
b[2:5] = []
print(b)
b[::2] = [0, 0, 0, 0]
print(b)
def bad_ext():
    c = [1, 2, 3, 4, 5]
    c[::2] = [1, 2]
check(bad_ext)
def bad_ext2():
    c = [1, 2, 3, 4, 5]
    c[1::2] = "abc"
check(bad_ext2)
def bad_iter():
    c = [1, 2]
    c[0:1] = 5
check(bad_iter)
c = [1, 2, 3, 4, 5]
c[::-1] = "vwxyz"
print(c)
c[1:1] = "q"
print(c)
c[3:1] = [0]
print(c)
s = [1, 2, 3]
s[:] = s
print(s)
s[1:] = s
print(s)
d = list(range(10))
del d[::3]
print(d)
del d[1:3]
print(d)
del d[::-2]
print(d)
del d[:]
print(d)
e = list(range(5))
del e[10:20]
print(e)
e[1:3] = range(3)
print(e)
e[-1:] = iter([7, 8])
print(e)
t = (0, 1, 2, 3, 4, 5)
print(t[1:4], t[::-2], t[::2], t[:], t[:] is t, t[9:])
print("hello"[1:4])
print(a[1:9:2][::-1], a[True:3])
class I:
    def __index__(self):
        return 2
print(a[I()], a[I():I().__index__() + 3], a[:I()])
