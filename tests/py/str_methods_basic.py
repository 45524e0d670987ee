s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(), s.casefold())
print(s.find("o"), s.rfind("o"), s.index("W"), s.count("l"), s.find("xyz"), s.startswith("He"), s.endswith(("x", "ld")))
print(s.replace("l", "L"), s.replace("l", "L", 2), s.split(", "), s.partition(", "), s.rpartition("o"))
print(s.center(20, "*"), s.ljust(15, "."), s.rjust(15), s.zfill(15), "-42".zfill(6), "+7".zfill(4))
print("  pad  ".strip(), "xxhixx".strip("x"), "  a ".lstrip(), " a  ".rstrip(), "abcabc".removeprefix("ab"), "abcabc".removesuffix("bc"))
try:
    s.index("zz")
except ValueError as e:
    print(e)
