print(b"a" < b"b", b"ab" < b"a", b"" < b"\x00", bytearray(b"x") == b"x", b"x" == bytearray(b"x"), b"abc"[1], b"abc"[1:2], bytearray(b"abc")[0], b"a" * 0)
print(sorted([b"b", b"a", b"ab", b"\xff", b""]), max(b"hello"), sum(b"\x01\x02"), list(reversed(b"ab")), hash(b"") == hash(b""))
print(b"%s and %b" % (b"x", bytearray(b"y")), b"%c" % 65, b"%c" % b"z", b"%05.1f" % 3.14159, b"%r" % "é" if False else b"%a" % "é")
try:
    b"%s" % "str"
except TypeError as e:
    print(e)
try:
    b"abc" < "abc"
except TypeError as e:
    print(e)
