s = "Hello, World"
print(s, len(s), s[0], s[-1], s.upper(), s.lower())
print(s.startswith("Hell"), s.endswith("x"), s.find("o"), s.rfind("o"), s.find("z"))
print(s.replace("l", "L"), s.split(", "), "a b  c".split(), "-".join(["x", "y", "z"]))
print("  pad  ".strip() + "|", "xxhixx".strip("x"), "  l".lstrip(), "r  ".rstrip() + "|")
print("abc" * 3, "a" + "b", "b" in "abc", "z" not in "abc")
print(repr("it's"), repr('say "hi"'), repr("tab\tnew\nline"), str(42), str(1.5))
print("hello world".title(), "HeLLo".swapcase(), "hello".capitalize(), "42".zfill(5), "-42".zfill(5))
print("abc".isalpha(), "123".isdigit(), "  ".isspace(), "abc".count("b"), "aaa".count("a"))
