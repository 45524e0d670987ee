print(int(), int(3.9), int(-3.9), int("42"), int("  -17  "), int("0x1f", 16), int("1f", 16))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("1_000_000"), int("z", 36))
print(int(True), int("+7"), int(b"12"), int(bytearray(b"99")))
for bad in ["", "1.5", "0x", "1__0", "abc"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("12", 1)
except ValueError as e:
    print(e)
try:
    int(None)
except TypeError as e:
    print(e)
