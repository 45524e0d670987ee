print(2 ** 53 == 2.0 ** 53, 2 ** 53 + 1 == 2.0 ** 53, 2 ** 53 + 1 > 2.0 ** 53, 10 ** 400 > float("inf"), -(10 ** 400) < float("-inf"))
print(1 < float("nan"), 1 > float("nan"), float("nan") == 0)
print(sorted([3, 1.5, 2, -0.5, 2.0]), max(1, 1.0), min(1.0, 1), max(1.0, 1))
