# ASCII-only case mapping, predicates, padding and tabs
s = b"hello WORLD \xe9t\xc9 1x2"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), bytearray(b"mIxEd").swapcase())
for t in [b"", b"abc", b"ABC", b"Abc Def", b"abc1", b"123", b" \t\n", b"a b", b"\xe9", b"Hello world", b"HELLO 1", b"\x7f"]:
    print(t, t.isalpha(), t.isdigit(), t.isalnum(), t.isspace(), t.islower(), t.isupper(), t.istitle(), t.isascii())
print(b"abc".center(9), b"abc".center(8, b"*"), b"abc".center(2), b"ab".center(5, b"-"), b"ab".center(6, bytearray(b".")))
print(b"abc".ljust(6, b"."), b"abc".rjust(6), b"-42".zfill(6), b"+7".zfill(4), b"abc".zfill(2), b"".zfill(3), bytearray(b"5").zfill(3))
print(b"a\tbc\td".expandtabs(), b"a\tbc\td".expandtabs(4), b"ab\r\tx\n\ty".expandtabs(3), b"\t".expandtabs(0), b"x\ty".expandtabs(tabsize=2))
for call in [lambda: b"a".center(5, "x"), lambda: b"a".ljust(5, b"xy"), lambda: b"a".rjust("5"), lambda: b"a".zfill(),
             lambda: b"a".upper(1)]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
