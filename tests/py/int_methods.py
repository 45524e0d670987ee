print((1024).to_bytes(2, "big"), (1024).to_bytes(2, "little"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\x01\x00", "big"), int.from_bytes(b"\xff\xff", "little", signed=True))
print((10).as_integer_ratio(), (7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
print((-8).is_integer() if hasattr(int, "is_integer") else "no is_integer")
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError:", e)
print(int.__name__, type(5).__name__, isinstance(True, int))
