print(1 in [1] == True, (1 in [1]) == True, not 1 in [2], not (1 in [2]), 1 not in [2] and 2 in [2], "a" in "abc" in "abcd" if False else "skip")
print([1, 2] == [1, 2] in [[1, 2]], 3 < 4 in [True], None is None is not False)
