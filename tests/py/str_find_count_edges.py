s = "abcabcabc"
print(s.find("c", 3), s.find("c", 3, 5), s.find("", 20), s.find("", 9), s.rfind("abc", 0, 8), s.count("abc", 1), s.count("", 2, 5), s.index("b", -3))
print(s.startswith("bc", 1), s.startswith(("x", "abc")), s.endswith("ab", 0, 7), s.startswith("", 100), "".find(""), "".count("a"))
print("ñandú".find("dú"), "ÅÄÖåäö".lower().count("å"), "straße".find("ß"), "日本日本".rfind("日"))
