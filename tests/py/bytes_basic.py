b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b.upper(), b.split(), b.replace(b"o", b"0"), b.find(b"wor"), b.count(b"l"))
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes.fromhex("de ad be ef"), b"\x00\xff".hex(), b"abc".hex("-"))
print(b"a" + b"b", b"ab" * 3, b"a" in b"abc", 97 in b"abc", b"abc" < b"abd", b"abc" == "abc")
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\x7f\x80"), list(b"hi"), b"x".decode())
try:
    bytes([256])
except ValueError as e:
    print(e)
try:
    b"a" + "b"
except TypeError as e:
    print(e)
