codes = [72, 105, 0x110000]
print("".join(chr(c) for c in codes))
