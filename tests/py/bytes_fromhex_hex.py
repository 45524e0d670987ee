print(bytes.fromhex("00ff10"), bytes.fromhex(" 0a 0b "), bytearray.fromhex("abcd"), b"\x01\xab".hex(), b"\x01\x02\x03\x04".hex(":", 2), b"abcdef".hex(" ", -2))
for bad in ["0", "zz", "0 1"]:
    try:
        bytes.fromhex(bad)
    except ValueError as e:
        print(repr(bad), e)
