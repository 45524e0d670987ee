for s in ["ǆemal", "ǅ", "ﬀ", "ŉ", "Σίσυφος", "ΣΑΣ", "İstanbul", "ı", "Ⅷ", "ⓐⓑ", "ＡＢＣ", "ǈ"]:
    print(s, s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold(), len(s.upper()))
