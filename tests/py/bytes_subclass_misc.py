# subclasses of bytes, bytearray and complex; bytes as dict keys; iteration and unpacking
class B(bytes):
    def shout(self):
        return self.upper() + b"!"
class BA(bytearray):
    pass
class Z(complex):
    def norm(self):
        return abs(self)
b = B(b"hey")
print(b, repr(b), type(b).__name__, b.shout(), len(b), b[0], b[1:], type(b[1:]).__name__, b == b"hey", isinstance(b, bytes))
b.tag = "t"
print(b.tag, hash(b) == hash(b"hey"), bytes(b), type(bytes(b)).__name__, b + b"!", type(b + b"").__name__, B(3), B([104, 105]))
ba = BA(b"xyz")
ba.append(33)
print(ba, repr(ba), type(ba).__name__, len(ba), ba[-1], type(ba.upper()).__name__, BA.fromhex("4142"), type(BA.fromhex("41")).__name__)
z = Z(3, 4)
print(z, repr(z), z.norm(), z.real, type(z + 1).__name__, Z("1+1j"), isinstance(z, complex), z == 3 + 4j)
d = {b"k": 1, bytes([107, 50]): 2}
print(d[b"k"], d[b"k2"], b"k" in d, sorted([b"b", b"a", b"ab", b""]), max(b"hello"), min(bytearray(b"zq")), sum(b"\x01\x02"))
x, y, *rest = b"abcd"
print(x, y, rest, list(reversed(b"abc")), [c for c in bytearray(b"hi")], tuple(memoryview(b"mv")), next(enumerate(b"ab")))
print(b"abc" * 0, 0 * b"abc", b"ab" * -2, bytes(True), bool(b""), bool(b"\x00"), bool(bytearray()), b"a" if b"" else b"b")
print(b"%s" % b"", bytes(3) == bytearray(3), b"abc" > b"ab", b"abc" <= bytearray(b"abd"), b"b" >= b"abc", str(b"x"), f"{b'y'}", f"{b'z'!r}")
class Count:
    def __index__(self):
        return 3
print(bytes(Count()), bytearray(Count()))
