# ASCII fast paths of str methods must agree with the general ones (and with CPython).
samples = ["", "a", "Z", "ab", "Item-12-xx", "hello world", "MiXeD cAsE 123 !?", "a-b--c-", "-", "--",
           "x" * 40, "héllo wörld", "ǅungla", "ß straße", "ﬁne", "Σίσυφος", "tab\tsep"]
for s in samples:
    print(repr(s), s.upper(), s.lower(), s.title(), s.swapcase(), s.capitalize(), s.casefold())
    print(s.split("-"), s.split("-", 1), s.split("-", 0), s.rsplit("-", 1), s.split(), s.split(" "))
    print(s.replace("-", "_"), s.replace("-", ""), s.replace("-", "=>"), s.replace("l", "L", 1),
          s.replace("", "."), s.replace("xx", "y"), s.replace("-", "_", 2))
    print(s.count("-"), s.count("x"), s.count(""), s.count("xx"), s.find("-"), s.rfind("-"), s.find("ö"))
    print(s.startswith("Item"), s.endswith("x"), s.startswith(("a", "h")), s.startswith("", 1), s.endswith("x", 0, 3))
    print(s.strip("-x"), s.lstrip("-a"), s.rstrip("x-"), s.strip(), s.partition("-"), s.rpartition("-"))
    print(s * 0, s * 1 == s, s * 3, len(s * 7), s[1:3], s[::2], s[-2:])
    print(",".join([s, s, "q"]), "".join([s]), "-".join(s.split("-")) == s, "é".join(["a", s]))

# Results that may be cached objects: one-character and empty results are the interned ones.
ab = "ab"
print(ab[0] is ab.split("b")[0], "xyz"[1] == "y", ("abc" * 0) == "", "a-b".split("-")[1])
s = "abc"
print(s.upper().lower() == s, s.replace("z", "q") is s, s.strip() is s, "".join([s]) is s)

# Errors keep their messages.
for call in [lambda: "a".split(""), lambda: "a".replace(1, "b"), lambda: "a".join([1]),
             lambda: ",".join(["a", 2, "c"]), lambda: "a".startswith(1), lambda: "a".count(),
             lambda: "a" * "b", lambda: "a".upper(1), lambda: "a".split(1)]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)

# Bigger ones.
text = " ".join(str(i) for i in range(300))
print(len(text.title()), text.rfind("199"), len(text.partition(" 100 ")[2]), text.count("1"), len(text.split()))
print(text.upper()[:30], text.replace(" ", "")[-20:], len(text.replace("1", "one")))
big = "ab" * 1000
print(len(big * 33), (big * 33)[-5:], len("x" * 1000 * 3), big.upper()[:6])
