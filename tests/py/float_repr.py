for x in [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e15, 123456789.123, 1e-5, 1e-4, 0.0001, 1e22, 1e23, 5e-324, 1.7976931348623157e308, -0.0, 100.0, 1.5, 2.5e-7]:
    print(repr(x), str(x))
print(float("inf"), float("-inf"), float("nan"), -float("inf"))
