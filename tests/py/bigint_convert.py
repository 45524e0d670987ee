print(float(2 ** 100), float(-(2 ** 63)), int(1e20), int(-1.5e19), int(2.0 ** 70))
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
print(int("-" + "9" * 50) + 1, int("1" * 30, 2), int("z" * 20, 36))
print((2 ** 64).to_bytes(9, "big"), int.from_bytes(b"\xff" * 10, "big"))
print(round(10 ** 20 + 5, -1), round(123456789012345678901234, -5))
