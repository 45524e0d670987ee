t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t + (4,), t * 2, len(t), t.count(2), t.index(3), 2 in t, (1,), (), tuple(), tuple([1]))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (1, (2, 3)) == (1, (2, 3)), hash((1, 2)) == hash((1, 2)))
print(repr((1,)), repr(("a",)), str(((),)), tuple("abc"), (1, 2, 3)[::-1])
try:
    t[0] = 5
except TypeError as e:
    print(e)
try:
    t[5]
except IndexError as e:
    print(e)
try:
    hash((1, [2]))
except TypeError as e:
    print(e)
a, *b = t
print(a, b)
