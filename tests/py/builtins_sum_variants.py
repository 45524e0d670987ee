print(sum(range(10 ** 6)), sum([0.1, 0.2, 0.3]), sum([1, 2.5, 3j]), sum([[1], [2, 3]], start=[0]), sum((x for x in range(5)), 100), sum([True] * 5))
print(sum([10 ** 20, -(10 ** 20), 1]), sum([1e308, 1e308]), sum([2 ** 62, 2 ** 62, 2 ** 62]))
try:
    sum([b"a"], b"")
except TypeError as e:
    print(e)
try:
    sum([[1]])
except TypeError as e:
    print(e)
