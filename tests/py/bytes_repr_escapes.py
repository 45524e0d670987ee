print(bytes(range(0, 256, 7)))
print(repr(b"\\"), repr(b"\r\n\t\x0b\x0c"), str(bytearray(b"x'y")), repr(bytearray()), ascii(b"\x80"))
print(b"abc".decode("ascii"), b"\x41\x42".decode(), bytes([0x7e, 0x7f, 0x80]))
