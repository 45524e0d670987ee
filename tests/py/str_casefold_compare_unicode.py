pairs = [("Straße", "STRASSE"), ("ﬁle", "FILE"), ("Ǆ", "ǆ"), ("ΣΑΣ", "σας"), ("İ", "i̇")]
for a, b in pairs:
    print(a, b, a.lower() == b.lower(), a.upper() == b.upper(), a.casefold() == b.casefold())
