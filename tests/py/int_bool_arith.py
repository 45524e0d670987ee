print(True + 1, False * 5, True << 3, -True, abs(False), divmod(True, 2), True ** 10, int.__add__(True, True), type(True + True).__name__)
print(sum([True] * 100), [1, 2, 3][True], "abc"[False], True in {1}, {True: 1}[1])
