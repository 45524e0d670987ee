# center/ljust/rjust/zfill/expandtabs/replace/translate/maketrans.
for w in range(0, 9):
    print(repr("abc".center(w)), repr("ab".center(w, "*")), repr("é".ljust(w, "·")), repr("é".rjust(w, "😀")))
print("42".zfill(5), "-42".zfill(5), "+4".zfill(4), "".zfill(3), "abc".zfill(2), "-".zfill(3), "é".zfill(3), "--1".zfill(5))
print(repr("a\tbc\td".expandtabs()), repr("a\tbc\td".expandtabs(4)), repr("ab\n\tc\r\td".expandtabs(3)),
      repr("\t".expandtabs(0)), repr("x\ty".expandtabs(-1)), repr("é\tx".expandtabs(tabsize=2)))
print("aaaa".replace("a", "b"), "aaaa".replace("a", "b", 2), "aaaa".replace("a", "b", count=-1), "abc".replace("", "-"),
      "abc".replace("", "-", 2), "abc".replace("x", "y"), "héhé".replace("é", "e", 1), "aaa".replace("aa", "b"), "abc".replace("b", ""))
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "abcdabcd".translate(table), str.maketrans({"a": "1", 98: None, "é": 233}))
print("hello".translate({104: "J", 108: None}), "héllo".translate({ord("é"): "e"}), "abc".translate([]), "abc".translate("xyz"))
print("abc".translate({97: 0x263a}), "x".translate({120: "longer"}), str.maketrans("", ""), "a".maketrans("a", "b"))
for bad in [lambda: "a".center(), lambda: "a".center("5"), lambda: "a".center(5, "ab"), lambda: "a".center(5, 1),
            lambda: "a".ljust(5, fillchar="x"), lambda: "a".rjust(1, 2, 3), lambda: "a".zfill(), lambda: "a".zfill(1.5),
            lambda: "a".expandtabs("x"), lambda: "a".expandtabs(1, 2), lambda: "a".replace("a"), lambda: "a".replace(1, "b"),
            lambda: "a".replace("a", 2), lambda: "a".replace("a", "b", "c"), lambda: "a".replace(old="a", new="b"),
            lambda: "a".translate(), lambda: "a".translate(1), lambda: "a".translate({97: 1.5}),
            lambda: "a".translate({97: 0x110000}), lambda: str.maketrans(), lambda: str.maketrans(1),
            lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}), lambda: str.maketrans({1.5: 1}),
            lambda: str.maketrans("a", "b", 1), lambda: str.maketrans({"a": 1}, "x"), lambda: str.maketrans(1, 2),
            lambda: str.maketrans("a", "b", "c", "d"), lambda: str.maketrans(x=1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
