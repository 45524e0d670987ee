# exact int/float comparison and the numeric hash (modulus 2**61 - 1)
big = 2**53
print(big + 1 == float(big + 1), big + 1 > float(big), float(big) == big, big + 1 < big + 2.0)
print(10**20 == 1e20, 10**20 < 1e20, 10**23 == 1e23, 10**23 > 1e23, int(1e23))
print(-(2**63) == -9.223372036854775808e18, 2**64 - 1 < 2.0**64, 2**64 == 2.0**64)
print(0 == -0.0, 1 < float("nan"), 1 > float("nan"), float("-inf") < -(10**400) < 0 < 10**400 < float("inf"))
print(1.5 > 1, 1.5 < 2, 2 >= 2.0, 3 <= 2.9999999999999996, -1.5 < -1, -2 < -1.5)
for v in [0, 1, -1, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -(2**61), 2**100, -(2**100), 10**50]:
    print(hash(v), hash(float(v)) == hash(v) if abs(v) < 2**1000 and float(v) == v else "inexact")
for f in [0.5, 1.25, -3.75, 1e-300, 2.0**-1074, 1.7976931348623157e308, 123456.789]:
    print(hash(f))
print(hash(True), hash(False), hash(1) == hash(1.0) == hash(True))
d = {1: "int", 1.0: "float", True: "bool"}
print(d, len(d))
print(sorted([3, 1.5, True, 2**70, -0.5, 0]), max(2**53 + 1, float(2**53)), min(-0.0, 0))
print(divmod(2**70, 2**35 + 1), divmod(-(2**70), 12345), (2**70) % -7, -(2**70) // 7)
print(7 // -2, -7 // -2, 7 % -3, -7 % 3, divmod(0, 5), divmod(-1, 10**20))
print((2**100) >> 99, (-(2**100)) >> 99, 1 << 70, -1 >> 100, (2**70) & (2**70 - 1), ~(2**70))
print(round(0.5), round(1.5), round(2.5), round(-0.5), round(2**70 + 0.0), round(1e300, -299))
print(int(-0.9), int(2.5e18), int(-2.5e30), float(2**1023 * 1), (2**1024 - 2**970) / 1)
