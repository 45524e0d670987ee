n = 2 ** 255 - 19
b = n.to_bytes(32, "big")
print(b.hex(), int.from_bytes(b, "big") == n, n.to_bytes(32, "little")[:4], int.from_bytes(b[::-1], "little") == n)
neg = -(2 ** 100)
print(neg.to_bytes(14, "big", signed=True).hex(), int.from_bytes(neg.to_bytes(14, "big", signed=True), "big", signed=True) == neg)
try:
    neg.to_bytes(14, "big")
except OverflowError as e:
    print(e)
print((0).to_bytes(0, "big"), (255).to_bytes(), int.from_bytes(b""), (1).to_bytes(3, byteorder="little"))
