# str methods see lone surrogates as themselves (not as U+FFFD): case mappings, padding,
# searching, splitting, stripping, replacing, translating and formatting.
s = "a\ud800b\udcffc"
results = [
    s.upper(), s.lower(), s.title(), s.swapcase(), s.capitalize(), s.casefold(),
    s.center(9, "*"), s.ljust(7, "\ud801"), s.rjust(7, "\udfff"), s.zfill(8), ("\ud800\tx").expandtabs(4),
    s.find("\udcff"), s.rfind("\ud800"), s.index("c"), s.rindex("b"), s.count("\ud800"), s.count("\ufffd"),
    s.find("\ufffd"), "\ufffd" in s, "\ud800" in s, "\ud800b" in s,
    s.startswith("a\ud800"), s.startswith(("x", "a\ud800")), s.endswith("\udcffc"), s.endswith("\ufffdc"),
    s.removeprefix("a\ud800"), s.removesuffix("\udcffc"),
    s.split("b"), s.rsplit("\ud800"), ("x\ud800 y\udc00").split(), ("\ud800\n\udc00").splitlines(),
    s.partition("b"), s.rpartition("\udcff"), s.strip("a"), s.strip("ac\ud800"), s.lstrip("a\ud800"),
    s.rstrip("c\udcff"), s.replace("b", "x"), s.replace("\ud800", "[hi]"), s.replace("\ufffd", "?"),
    s.translate({0xD800: "Z", ord("b"): "\udbff"}), "abc".translate({ord("b"): "\ud800"}),
    s.isalpha(), s.isalnum(), s.isprintable(), s.isidentifier(), s.isspace(), s.islower(), s.isupper(),
    "{0}|{0!r}|{1:>8}".format(s, "\ud800"), "{x}".format_map({"x": s}), format(s, "*^9"), f"{s:>7}",
    "%s|%r|%5s" % (s, s, "\ud800"), "%(k)s" % {"k": s},
    sorted([s, "a\ud7ff", "a\ue000", "a\U00010000"]), max(s), min("\udc00\ud800"),
]
for r in results:
    print(ascii(r))

# Private-use code points in the text do not mix with the surrogates.
p = "\U000f0000\ud800\U000f0800\udfff"
print(ascii(p.upper()), ascii(p.split("\ud800")), p.count("\U000f0000"), p.find("\udfff"))
print(ascii(p.replace("\U000f0000", "x")), ascii(p.replace("\ud800", "y")))
