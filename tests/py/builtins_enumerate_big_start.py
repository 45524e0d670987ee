print(list(enumerate("ab", 2 ** 64)), list(enumerate("xy", -5)), next(enumerate([], 5), "empty"))
try:
    enumerate([], 1.5)
except TypeError as e:
    print(e)
