# str.split builds its list in place: every form, the piece counts around the preallocation
# (12), maxsplit, non-ASCII text and separators.
line = " ".join(str(i) for i in range(40))
for n in (-1, 0, 1, 5, 11, 12, 13, 39, 40, 100):
    print(n, line.split(maxsplit=n)[-1:], len(line.split(" ", n)), len(line.split(None, n)))
print(",a,,b,".split(","), ",a,,b,".split(",", 2), "".split(","), "".split(), "   ".split())
print("a\u3000b\u2003 c\n\td  ".split(), "a\u3000b c".split(None, 1))
print("één,twee,drie".split(","), "x--y--z".split("--"), "x--y--z".split("--", 1))
print("αβγ".split("β"), "a,b".split(",", -5), "abc".split("abc"), "abcabc".split("c"))
print(list(map(len, ("w " * 30).split())), len(("w " * 30).split(" ")))
print("1 2 3".split(maxsplit=1), "1,2,3".split(sep=",", maxsplit=1))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
try:
    "a".split(1)
except TypeError as e:
    print("TypeError", e)
pieces = "a b c".split()
pieces.append("d")
print(pieces, pieces.__sizeof__() >= pieces.__class__().__sizeof__())
