ok = all(ord(chr(i)) == i for i in range(0, 0x110000, 97))
print(ok, chr(0x10FFFF) == "\U0010ffff", ord("\U0010ffff"), [chr(i) for i in range(0x3b1, 0x3b1 + 5)], repr(chr(0)), repr(chr(0xd800)))
