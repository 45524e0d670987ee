# is* predicates on ASCII and non-ASCII characters.
samples = ["abc", "ABC", "aBc", "123", "١٢٣", "²", "½", "Ⅻ", "一", " \t\n", "\u3000", "\u200b", "\x1c\x1d", "",
           "a1", "_x", "1x", "é", "\u00a0", "\x7f", "é\u0301", "x y", "𝟘", "ⅰ", "ǅ", "ß", "ª", "٣"]
for s in samples:
    print(repr(s), s.isalnum(), s.isalpha(), s.isascii(), s.isdecimal(), s.isdigit(), s.isidentifier(),
          s.islower(), s.isnumeric(), s.isprintable(), s.isspace(), s.istitle(), s.isupper())
for kw in ["class", "match", "_", "__init__", "a-b", "ℕ", "℘x", "·x", "x·", "\u2118"]:
    print(kw, kw.isidentifier())
