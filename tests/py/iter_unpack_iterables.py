a, b, c = "xyz"
print(a, b, c)
first, *rest = range(5)
print(first, rest)
*init, last = iter([1, 2, 3])
print(init, last)
(p, q), r = [(1, 2), 3]
print(p, q, r)
print(*range(3), sep="-")
print([*"ab", *range(2)], {*"aa"} if False else {*range(3)}, (*[1], *(2,)))
d = {**{"a": 1}, "b": 2}
print(d)
