print(max([3, 1, 2]), max(3, 1, 2), max("abc"), max([], default="none"), max([1, -5], key=abs), max([(1, "b"), (1, "a")]))
print(min([3, 1, 2]), min(3, 1), min([], default=0), min(["bb", "a", "ccc"], key=len), max([2, 2.0]), min([2.0, 2]))
print(sum([1, 2, 3]), sum([1, 2], 10), sum([0.1] * 10), sum([[1], [2]], []), sum(range(101)), sum([], start=5), sum([1.5, 2]))
try:
    max()
except TypeError as e:
    print(e)
try:
    max([])
except ValueError as e:
    print(e)
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print(e)
