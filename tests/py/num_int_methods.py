# int methods and attributes
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for n in [0, 1, -1, 255, -256, 2**63, -(2**63) - 1, 10**30]:
    print(n.bit_length(), n.bit_count(), n.as_integer_ratio(), n.conjugate(), n.real, n.imag, n.numerator, n.denominator, n.is_integer())
print(True.bit_length(), True.as_integer_ratio(), True.real, type(True.real).__name__, type(True.numerator).__name__)
print((5).__index__(), (-5).__trunc__(), (7).__floor__(), (7).__ceil__(), (3).__round__(), (3).__round__(1))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1), round(5, -1), round(10**20 + 5 * 10**9, -10))
print(round(7), round(7, 0), round(7, None), round(12345, -10), type(round(7, 2)).__name__)
check(lambda: round(1, 1.5))
print(int.__name__, int(), int(5), int(-5.9), int(5.9), int(True), int("  42  "), int("-0"), int("+7"))
print(int(1e20), int(-1.5e300) < 0, int(2.0**80))
check(lambda: int(float("nan")))
check(lambda: int(float("inf")))
check(lambda: int(float("-inf")))
check(lambda: int(None))
check(lambda: int([1]))
check(lambda: int(5, 10))
check(lambda: (5).bit_length(1))
class Idx:
    def __index__(self):
        return 7
class Tr:
    def __trunc__(self):
        return 3
class In:
    def __int__(self):
        return 9
print(int(Idx()), int(In()))
print(abs(-5), abs(-(2**70)), -(-(2**63)), +5, ~5, ~-(2**64))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(2**70, 3), divmod(-(2**70), 7))
print(7 // 2, -7 // 2, 7 % -2, -7 % 2, 2**70 // -3, -(2**70) % 7, 0 % 5, 6 % 3)
check(lambda: 1 // 0)
check(lambda: 1 % 0)
check(lambda: divmod(1, 0))
check(lambda: 1 / 0)
check(lambda: 2**70 // 0)
print(1 << 10, 1 << 100, -1 << 3, 5 >> 1, -5 >> 1, 2**100 >> 98, -(2**100) >> 200, 1 >> 1000, 0 << 10**6)
check(lambda: 1 << -1)
check(lambda: 1 >> -1)
print(2**10, 2**-1, 2**-2, (-2)**-1, 10**-3, 0**0, (-1)**(2**70), pow(2, 3), pow(2, -1))
check(lambda: 0**-1)
print(pow(2, 10, 1000), pow(3, -1, 7), pow(-3, 5, 7), pow(3, 5, -7), pow(2, 0, 1), pow(5, -2, 13), pow(2**100, 2**100, 10**9 + 7))
check(lambda: pow(2, -1, 4))
check(lambda: pow(2, 3, 0))
check(lambda: pow(2.0, 3, 5))
check(lambda: pow(2, 3.0, 5))
print(10**20 / 10**10, 2**1000 / 2**999, 1 / 3, -7 / 2, (10**400) / (10**399), 1 / 2**2000)
check(lambda: 10**400 / 3)
check(lambda: float(10**400))
print(7 & 3, 7 | 8, 7 ^ 2, -1 & 0xFF, 2**70 | 1, 2**70 ^ 2**70, True & False, True | False, type(True ^ True).__name__)
print(5 == 5.0, 2**53 + 1 == 2.0**53, 2**53 + 1 > 2.0**53, 2**53 < 2.0**53 + 2, 10**400 > 1e308, -(10**400) < -1e308, 1 < float("inf"), 1 == float("nan"), 3 != 3.5)
print(hash(5), hash(-1), hash(-2), hash(2**61 - 1), hash(2**61), hash(2**64), hash(-(2**64)), hash(10**30))
print(hash(5) == hash(5.0), hash(2**70) == hash(2.0**70), hash(0.5), hash(-0.5), hash(1e100), hash(float("inf")), hash(float("-inf")))
