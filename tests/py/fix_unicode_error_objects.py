# UnicodeDecodeError / UnicodeEncodeError made from their five arguments: fields and str().
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")
print(u, u.args, u.object, u.encoding)
u2 = UnicodeDecodeError("ascii", bytearray(b"a\x80"), 1, 2, "ordinal not in range(128)")
print(u2, type(u2.object).__name__)
e = UnicodeEncodeError("ascii", "aé€😀", 1, 2, "nope")
print(e)
print(UnicodeEncodeError("ascii", "aé€😀", 2, 3, "x"), UnicodeEncodeError("ascii", "aé€😀", 3, 4, "x"), UnicodeEncodeError("ascii", "abc", 0, 3, "x"))
try:
    UnicodeDecodeError("x")
except TypeError as t:
    print(t)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as d:
    print(d, d.start, d.end, d.reason)
