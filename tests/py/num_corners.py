# int/float parsing, overflow, rounding, hex and numeric-hash corners
cases = [
    lambda: int("  "), lambda: int("+"), lambda: int("0b"), lambda: int("0_b1", 0), lambda: int("1e5"), lambda: int("١٢"), lambda: int("\u00a012\u00a0"),
    lambda: int(" 0x1F ", 16), lambda: int("Z", 35), lambda: int("z", 36), lambda: int("10", 0), lambda: int("-0o17", 0), lambda: int(2.9999), lambda: int(-0.5),
    lambda: int(1e300), lambda: float("  1e3 "), lambda: float("1_0.5_0"), lambda: float("0x1p3"), lambda: float("infinity"), lambda: float("-iNF"), lambda: float("nan(1)"),
    lambda: float("1e-324"), lambda: float("2.5e-324"), lambda: float("1.7976931348623159e308"), lambda: float(10**309), lambda: float(True),
    lambda: 1e308 * 10, lambda: -1e308 * 10, lambda: 1e308 + 1e308, lambda: 2.0 ** 1024, lambda: (-2.0) ** 1023.0, lambda: 10 ** -400, lambda: 2 ** -1075,
    lambda: 0.0 ** 0, lambda: 0 ** 0.0, lambda: 5 % float("inf"), lambda: -5 % float("inf"), lambda: 5 // float("inf"), lambda: -5 // float("inf"), lambda: float("inf") % 5,
    lambda: divmod(float("inf"), 5), lambda: divmod(5, float("nan")), lambda: round(float("inf"), 2), lambda: round(1.23456e-300, 305), lambda: round(123, -1000),
    lambda: round(5e-324, 323), lambda: (2**63) // -1, lambda: (-2**63) // -1, lambda: (-2**63) % -1, lambda: abs(-2**63), lambda: -(-2**63), lambda: (2**64) >> 64,
    lambda: 1 / 3 * 3, lambda: 7 / -2, lambda: (10**30) / (10**15), lambda: 10**30 // 7.0, lambda: 2**1023 * 2.0,
    lambda: hash(2**61 - 1), lambda: hash(-(2**61 - 1)), lambda: hash(float(2**61 - 1)), lambda: hash(1e-309),
    lambda: (0.1).as_integer_ratio(), lambda: (-0.0).is_integer(), lambda: float.fromhex("0x.8p1"), lambda: float.fromhex("-0X1.P-2"), lambda: (1e-310).hex(), lambda: (-1.5).hex(),
    lambda: float.fromhex("0x1p-1075"), lambda: float.fromhex("0x1.0000000000000801p0"), lambda: float.fromhex("1"), lambda: float.fromhex("0x1p+"),
]
for i, f in enumerate(cases):
    try:
        r = f()
        print(i, "ok", repr(r))
    except Exception as e:
        print(i, type(e).__name__, e)
