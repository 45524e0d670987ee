t = (1, "a", 2.5)
print(t, len(t), t[1], (1,), (), tuple([1, 2]), tuple("ab"))
a, b, c = t
print(a, b, c)
x, *rest = [1, 2, 3, 4]
*init, last = "abc"
print(x, rest, init, last)
print((1, 2) + (3,), (0,) * 3, t.index(2.5), t.count(1), hash((1, 2)) == hash((1, 2)))
