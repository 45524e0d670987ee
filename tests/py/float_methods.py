for v in [0.5, 0.1, -2.75, 3.0, 1e10]:
    print(v.as_integer_ratio(), v.is_integer(), v.hex())
print(float.fromhex("0x1.8p1"), float.fromhex("-0x1p-2"), float.fromhex("inf"), (1.5).conjugate(), (1.5).real, (1.5).imag)
print(float("1_000.5"), float("  -1e3 "), float("infinity"), float("-NaN"), float(" .5"), float("5."))
for bad in ["", "1..2", "abc", "1e", "0x10"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError:", e)
