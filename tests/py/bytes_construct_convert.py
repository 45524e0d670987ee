# constructors, hex/fromhex, maketrans/translate, int.to_bytes/from_bytes
class HasBytes:
    def __bytes__(self):
        return b"custom"
print(bytes(), bytes(0), bytes(2), bytes([1, 2]), bytes((255,)), bytes(range(3)), bytes(b"x"), bytes(bytearray(b"y")), bytes(memoryview(b"z")))
print(bytes(HasBytes()), bytearray(), bytearray(2), bytearray([65]), bytearray(b"q"), bytes(iter([104, 105])), bytes(source=b"kw"))
print(bytes.fromhex("00 ff 7F"), bytearray.fromhex("abcd"), bytes.fromhex(""), b"\x01\xab".hex(), b"".hex(), bytearray(b"\x0f").hex())
print(b"abcdef".hex(":"), b"abcdef".hex(":", 2), b"abcdef".hex(":", -4), b"abcdef".hex(b"-", 3), b"abc".hex(sep="_", bytes_per_sep=1))
t = bytes.maketrans(b"abc", b"xyz")
print(len(t), t[97:100], b"aabbcc".translate(t), b"aabbcc".translate(t, b"b"), b"aabbcc".translate(None, b"ac"), bytearray(b"abc").translate(t))
print((1024).to_bytes(2), (1024).to_bytes(2, "little"), (-1).to_bytes(2, signed=True), (0).to_bytes(0), (255).to_bytes(), (2**70).to_bytes(9, "big"))
print(int.from_bytes(b"\x04\x00"), int.from_bytes(b"\x04\x00", "little"), int.from_bytes(b"\xff\xff", signed=True), int.from_bytes([1, 0]), int.from_bytes(b""))
print(int(b"42"), int(bytearray(b" -7 ")), int(b"ff", 16), int(b"0x10", 0), hex(255), oct(8), bin(5), hex(-2**65), bin(0))
for call in [lambda: bytes(-1), lambda: bytes([256]), lambda: bytes([-1]), lambda: bytes(["a"]), lambda: bytes(1.5),
             lambda: bytes("abc"), lambda: bytes(b"a", "utf-8"), lambda: bytes(errors="strict"), lambda: bytearray([999]),
             lambda: bytes.fromhex("zz"), lambda: bytes.fromhex("abc"), lambda: bytes.fromhex(b"ab"), lambda: b"a".hex("::"),
             lambda: bytes.maketrans(b"a", b"bc"), lambda: b"a".translate(b"short"), lambda: (256).to_bytes(1),
             lambda: (-1).to_bytes(1), lambda: (1).to_bytes(1, "middle"), lambda: (1).to_bytes(-1), lambda: int.from_bytes("ab"),
             lambda: int(b"x"), lambda: hex(1.5), lambda: bytes(None), lambda: bytes(1, 2, 3, 4)]:
    try:
        print(repr(call()))
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__, e)
