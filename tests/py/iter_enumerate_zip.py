print(list(enumerate("abc")), list(enumerate("abc", 10)), list(enumerate([], 1)))
print(list(zip([1, 2, 3], "ab")), list(zip()), list(zip([1], [2], [3])), list(zip(*[(1, 2), (3, 4)])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [3, 4], strict=True))
except ValueError as e:
    print(e)
try:
    list(zip([1], [2], [3, 4], strict=True))
except ValueError as e:
    print(e)
print(list(zip([1, 2], [3, 4], strict=True)))
