# split/rsplit/splitlines/partition/strip family, keywords included.
t = "  a  b\tc\n d\u3000e\x1cf  "
print(t.split(), t.split(None, 2), t.rsplit(None, 2), t.split(maxsplit=1), t.rsplit(maxsplit=0), t.split(" "))
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "a,b,,c,".rsplit(",", 2), "a,b".split(sep=",", maxsplit=-5))
print("aaa".split("aa"), "aaa".rsplit("aa"), "".split(), "".split(","), "   ".split(), "   ".split(" "))
print("x--y--z".split("--", 1), "x--y--z".rsplit("--", 1), "éàé".split("à"), "a b c".rsplit(" ", maxsplit=1))
lines = "one\ntwo\r\nthree\rfour\x0bfive\x0csix\x1cseven\x85eight\u2028nine\u2029ten\n\nend"
print(lines.splitlines(), lines.splitlines(True), "".splitlines(), "\n".splitlines(keepends=True), "x\n".splitlines())
print("a.b.c".partition("."), "a.b.c".rpartition("."), "abc".partition("x"), "abc".rpartition("x"), "éxé".partition("x"))
print(repr("  xy  ".strip()), repr("  xy  ".lstrip()), repr("  xy  ".rstrip()), repr("\u3000x\x85".strip()))
print("xxhixyx".strip("xy"), "xxhixyx".lstrip("x"), "xxhixyx".rstrip("yx"), "éaé".strip("é"), "abc".strip(""), "ab".strip(None))
print("prefix-body".removeprefix("prefix-"), "body.txt".removesuffix(".txt"), "abc".removeprefix(""), "abc".removesuffix("abcd"))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(("x", "y")), "é".join("abc"), "-".join({"k": 1, "j": 2}), "+".join("z"))
for bad in [lambda: "a".split(""), lambda: "a".split(1), lambda: "a".split(",", "x"), lambda: "a".split(foo=1),
            lambda: "a".split(",", 1, 2), lambda: "a".split(",", sep=","), lambda: "a".rsplit(sep=2),
            lambda: "a".split(None, None), lambda: "a".splitlines(1, 2), lambda: "a".splitlines(x=1),
            lambda: "a".partition(""), lambda: "a".rpartition(3), lambda: "a".strip(1), lambda: "a".rstrip(1, 2),
            lambda: "a".removeprefix(1), lambda: "a".removesuffix(), lambda: "-".join(["a", 1]), lambda: "-".join(5),
            lambda: "-".join(), lambda: "-".join([None])]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
