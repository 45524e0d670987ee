# Builtin class methods called repeatedly from one call site (specialised calls keep the class).
for text in ["00ff", "0a0b", "zz", "abcd"]:
    try:
        print(bytes.fromhex(text), bytearray.fromhex(text), dict.fromkeys(text), float.fromhex("0x1p" + str(len(text))))
    except ValueError as e:
        print("ValueError:", e)
for i in range(4):
    print(int.from_bytes(bytes([i, 1]), "big"), str.maketrans("a", "b") == {97: 98})
