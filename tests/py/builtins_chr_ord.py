print(chr(65), chr(0x20ac), chr(0x1f600), ord("A"), ord("€"), ord("😀"), ord(b"a"), ord(bytearray(b"z")))
for bad in [-1, 0x110000]:
    try:
        chr(bad)
    except ValueError as e:
        print(e)
for bad in ["", "ab", b"ab"]:
    try:
        ord(bad)
    except TypeError as e:
        print(e)
print("".join(chr(c) for c in range(0x41, 0x5b)))
