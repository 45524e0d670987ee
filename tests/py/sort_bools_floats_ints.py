print(sorted([True, 0, 1.5, -1, False, 2, 0.5, 1]))
print(sorted([10 ** 20, 1e20, -(10 ** 20), 1e19, 10 ** 19 + 1]))
print(sorted([-0.0, 0, 0.0, -0]), [type(x).__name__ for x in sorted([0.0, 0, -0.0])])
