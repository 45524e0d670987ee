# find/rfind/index/rindex/count/startswith/endswith with start and end, incl. negative and huge.
s = "héllo wörld, héllo"
for sub in ["l", "héllo", "", "ö", "xyz", "o"]:
    print(repr(sub), s.find(sub), s.rfind(sub), s.count(sub), s.find(sub, 3), s.rfind(sub, 0, -3),
          s.count(sub, 2, 12), s.find(sub, -5), s.find(sub, 100), s.count(sub, 100), s.find(sub, None, None))
print("abc".find("", 3), "abc".find("", 4), "abc".count("", 1), "abc".count("", 4), "abc".count("", -1))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "abc".find("c", 10**30), "abc".find("a", -10**30))
print(s.index("w"), s.rindex("l"), s.index("l", 3, 5), s.rindex("h", 0, 10))
print(s.startswith("hé"), s.startswith("llo", 2), s.startswith("x"), s.startswith(("x", "hél")), s.startswith(()))
print(s.endswith("llo"), s.endswith("wörld", 0, 11), s.endswith(("a", "d"), 0, -7), "abc".startswith("", 3),
      "abc".startswith("", 4), "abc".endswith("", -1), "abc".endswith("c", -1))
for bad in [lambda: s.index("zz"), lambda: s.rindex("zz", 5), lambda: s.find(1), lambda: s.count(None),
            lambda: s.find("a", "x"), lambda: s.find(), lambda: s.find("a", 1, 2, 3), lambda: s.startswith(1),
            lambda: s.endswith(("a", 2)), lambda: s.startswith("a", 1.5), lambda: s.rfind(sub="a"),
            lambda: s.startswith(), lambda: s.index(b"x" if False else 5)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
print("x" in s, "" in s, "wör" in s, "WÖR" in s)
try:
    1 in s
except TypeError as e:
    print(e)
