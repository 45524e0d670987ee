print(True > False, True == 1.0, False < 0.5, True in [1], 1 in [True], [True, False] == [1, 0], {True, 1, 1.0}, {0, False, 0.0})
print(sorted([True, False, True]), max(True, 2), min(False, -1), sum([True, 2, False]), True * "ab", [0, 1][True])
