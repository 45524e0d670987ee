# List storage: growth, shrinking, moves inside the item block, and the errors of each write.
a = []
for i in range(100):
    a.append(i * i)
print(len(a), a[0], a[50], a[-1], a[99])
a.insert(0, -1)
a.insert(50, "mid")
a.insert(1000, "end")
a.insert(-1000, "start")
print(len(a), a[:3], a[50:53], a[-2:])
print(a.pop(), a.pop(0), a.pop(51), len(a))
del a[10:20]
del a[::7]
print(len(a), a[:6])
a[2:5] = ["x"] * 10
a[-3:] = []
print(len(a), a[:14])
a[::2] = list(range(len(a[::2])))
print(a[:8])
a.reverse()
print(a[:4], a[-4:])
a.clear()
print(a, len(a))
a.extend(range(5))
a += [5, 6]
a *= 2
print(a)
b = a
b[:] = a
print(b is a, len(b))
for op in (lambda: a.pop(100), lambda: [].pop(), lambda: a.__setitem__(100, 1),
           lambda: a.__delitem__(-100), lambda: a.__getitem__(14), lambda: a.remove("zz")):
    try:
        op()
    except (IndexError, ValueError) as e:
        print(type(e).__name__, e)
try:
    a[::2] = [1]
except ValueError as e:
    print(e)
c = [3, 1, 2]
def key(x):
    c.append(x)
    return x
try:
    c.sort(key=key)
except ValueError as e:
    print(e, c)
it = iter([1, 2, 3])
l = [10, 20, 30]
out = []
for x in l:
    out.append(x)
    if x == 10:
        l.append(40)
print(out, l)
print([i for i in range(20) if i % 3][::-1])
