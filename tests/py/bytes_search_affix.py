# find/rfind/index/rindex/count/startswith/endswith with bounds, int needles and errors
b = b"abcabcab"
print(b.find(b"ab"), b.find(b"ab", 1), b.find(b"ab", 1, 4), b.find(b"zz"), b.find(99), b.find(b""), b.find(b"", 8), b.find(b"", 9))
print(b.rfind(b"ab"), b.rfind(b"ab", 0, 7), b.rfind(97), b.rfind(b""), b.find(b"c", -3), b.find(b"a", -100, -4))
print(b.index(b"ca"), b.rindex(b"ca"), b.count(b"ab"), b.count(b"a", 2), b.count(b""), b.count(b"", 3, 5), b.count(98))
print(b.startswith(b"abc"), b.startswith(b"bc", 1), b.startswith((b"x", b"ab")), b.endswith(b"ab"), b.endswith(b"ca", 0, 7))
print(b.startswith(b"", 8), b.startswith(b"", 9), b.endswith(b"b", 0, 100), bytearray(b"xyz").find(b"z"), b.find(b"b", None, None))
print(b"aaaa".count(b"aa"), b"aaaa".replace(b"aa", b"b"), b"abc".replace(b"", b"-"), b"abc".replace(b"", b"-", 2), b"abab".replace(b"a", b"", 1))
for call in [lambda: b.index(b"zz"), lambda: b.rindex(b"q"), lambda: b.find("a"), lambda: b.find(256),
             lambda: b.startswith("a"), lambda: b.endswith([b"a"]), lambda: b.count(), lambda: b.find(b"a", "x"),
             lambda: b.replace("a", b"b")]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
print(b"a" in b"abc", b"" in b"abc", 99 in b"abc", 100 in b"abc", b"bc" in bytearray(b"abc"), bytearray(b"c") in b"abc")
for bad in ["a", 300, -1, 1.5]:
    try:
        print(bad in b"abc")
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for call in [lambda: b.find(sub=b"a"), lambda: b.replace(b"a", b"b", count=1), lambda: b.split(b"a", 1, sep=b"a"),
             lambda: bytes(x=1), lambda: bytearray(x=1), lambda: b.decode("utf-8", "strict", 3), lambda: b.hex(x=1),
             lambda: "a".encode(x=1), lambda: (1).to_bytes(x=1), lambda: (1).to_bytes(1, "big", True)]:
    try:
        print(call())
    except TypeError as e:
        print(type(e).__name__, e)
