a = 2 ** 100
print(a == a + 0, a < a + 1, -a < a, a == float(a), a + 1 == float(a), a > 1e30, a < 1e31)
print(hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 61)), hash(2 ** 100), hash(-1), hash(-2))
print(sorted([2 ** 70, -(2 ** 70), 5, 2 ** 64, -3]))
print(10 ** 30 == 10 ** 30, 10 ** 30 is not None)
