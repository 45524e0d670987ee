# Indexing and slicing (steps, negative), operators and dunder methods.
s = "héllo wörld😀"
print(s[0], s[-1], s[4], s[1:4], s[::-1], s[::2], s[1::3], s[-3:], s[:-3], s[10:2:-2], s[100:], s[-100:3], s[3:1], s[::-3])
print(len(s), s[len(s) - 1], s[True], "abc"[False:], "abcdef"[-2:-5:-1], "abcdef"[5:1:-1], "abcdef"[::7], "abc"[:])
print(s.__getitem__(1), s.__getitem__(1), s.__len__(), s.__contains__("w"), next("abc".__iter__()))
print("ab" * 3, 3 * "ab", "ab" * 0, "ab" * -2, "é" * 2, "ab".__mul__(2), "ab".__rmul__(2), "ab" + "cd", "x".__add__("y"))
print("a" < "b", "a" <= "a", "b" > "ab", "é" > "z", "😀" > "é", "abc" == "abc", "abc" != "abd", "A" < "a", "" < "a")
print("a".__eq__(1), "a".__lt__(1), "a".__ne__("b"), "a".__ge__("a"), "%s!".__mod__("x"), "a".__rmod__(1), "x".__rmod__("<%s>"))
print(hash("abc") == hash("ab" + "c"), "abc".__hash__() == hash("abc"), str(s) is s, "abc".__str__(), "abc".__repr__())
print([c for c in "hé😀"], list("abc"), tuple("xy"), "".join(reversed("abc")), sorted("cba"), max("hello"), min("hello"))
print(str(), str(12), str([1, "a"]), str(None), repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("\t\n\x00é\u200b"))
class S(str):
    pass
t = S("hello")
print(type(t.upper()).__name__, type(t + "x").__name__, type(t[1:]).__name__, t.center(9, "*"), t == "hello", type(t.strip()).__name__)
for bad in [lambda: s[20], lambda: s[-20], lambda: s["x"], lambda: s[1.5], lambda: s[::0], lambda: "a" * "b",
            lambda: "a" * 1.5, lambda: "a" + 1, lambda: 1 + "a", lambda: "a" < 1, lambda: "a" * 2**63, lambda: "ab" * 2**62,
            lambda: s.__getitem__(), lambda: s.__len__(1), lambda: "a".__mul__("x"), lambda: "a".__mul__(), lambda: "a".__rmul__(1, 2),
            lambda: str.upper(5), lambda: "a".upper(1), lambda: "a".upper(x=1), lambda: "a".isalpha(1)]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)
