# float methods, parsing, arithmetic corners
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

for x in [0.0, -0.0, 1.5, -2.25, 0.1, 1e300, 5e-324, 3.0]:
    print(x.as_integer_ratio(), x.is_integer(), x.hex(), x.conjugate(), x.real, x.imag, x.__trunc__(), round(x), round(x, 2))
check(lambda: float("nan").as_integer_ratio())
check(lambda: float("inf").as_integer_ratio())
check(lambda: round(float("nan")))
check(lambda: round(float("inf")))
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-1074"), float.fromhex("inf"), float.fromhex("  0x10  "), float.fromhex("0x1.fffffffffffffp1023"))
check(lambda: float.fromhex("0x1p10000"))
check(lambda: float.fromhex("zz"))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(2.675, 2), round(1.5, 0), round(15.0, -1), round(25.0, -1), round(1e300, -300), round(0.125, 2), round(-0.0), round(123.456, -1))
print(type(round(2.5)).__name__, type(round(2.5, 0)).__name__, type(round(2.5, None)).__name__)
print((2.7).__trunc__(), (-2.7).__trunc__(), (2.7).__floor__(), (-2.7).__floor__(), (2.2).__ceil__(), (-2.2).__ceil__())
check(lambda: float("nan").__trunc__())
for s in ["1.5", "  -2e3  ", "inf", "-Infinity", "nAn", "+nan", "1_000.5", ".5", "5.", "1e-400", "1e400", "10", "\u0663.5", "-0"]:
    print(repr(s), float(s))
for s in ["x", "", "1_", "_1", "1__0", "1.5.5", "0x10", "in f", "infinit", "1e", "e5", "--1", ". 5"]:
    check(lambda: float(s))
check(lambda: float(None))
check(lambda: float([]))
print(float(), float(5), float(2**80), float(True), float(2.5))
class F:
    def __float__(self):
        return 4.5
class I:
    def __index__(self):
        return 3
print(float(F()), float(I()))
print(7.5 // 2, -7.5 // 2, 7.5 % 2, -7.5 % 2, 7.5 % -2, divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 2.5), -0.0 % 5, 5.0 % -0.5)
check(lambda: 1.0 / 0)
check(lambda: 1.0 // 0)
check(lambda: 1.0 % 0)
check(lambda: divmod(1.0, 0))
check(lambda: 1 / 0.0)
check(lambda: 0.0 ** -1)
check(lambda: 10.0 ** 400)
print(2.0 ** 0.5, (-2.0) ** 2, 2 ** 0.5, 4 ** -0.5, float("inf") ** 0, 1.0 ** float("nan"))
print(1e16, 1e-5, 0.1 + 0.2, 1/3, 2.5e-8, -0.0, float("inf"), float("-inf"), float("nan"), 1e22, 123456789012345678.0)
print(2.0**53 + 1 == 2**53 + 1, 2.0**53 == 2**53, 1.0 < 2**1000, float("nan") != float("nan"), 0.1 == 0.1, 1.5 > 1, 1.5 <= 1)
print(hash(1.0), hash(-1.0), hash(1.5), hash(2.0**64), hash(1e-10), hash(-1e-300), hash(0.0), hash(-0.0), hash(2.0**61))
print(float.__name__, (1.5).__class__.__name__, isinstance(1.5, float), 3.0.is_integer())
