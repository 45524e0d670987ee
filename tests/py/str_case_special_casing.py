# Case mappings with special casing and final sigma (Unicode 15.1 as CPython 3.13).
words = ["straße", "İstanbul", "ΟΔΟΣ ΟΔΟΣ.", "ǆemal ǅ", "ﬁnal ﬂow", "ΣΑΣ'Σ", "hello WORLD", "ŉ", "ǰ", "ΐ", "aΣ b", "Σ", "abc1def"]
for w in words:
    print(repr(w), w.upper(), w.lower(), w.casefold(), w.title(), w.capitalize(), w.swapcase())
    print(len(w.upper()), len(w.lower()), w.isupper(), w.islower(), w.istitle())
print("ß".upper() == "SS", "İ".lower() == "i\u0307", "ß".casefold(), "ẞ".lower(), "ß".title())
print("they're bill's friends".title(), "123abc".capitalize(), "ABC".capitalize())
print("a\u0345".upper(), "ᾳ".title(), "ᾳ".upper(), "ﬃ".upper(), "և".upper(), "և".title())
print("Ǆ".istitle(), "ǅ".istitle(), "ǅ".isupper(), "ǅ".islower(), "".istitle(), "A b".istitle())
