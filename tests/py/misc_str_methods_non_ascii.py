s = "Ça va? Déjà vu. Привет, мир! Γειά σου. ﬁnal straße"
print(s.upper())
print(s.lower())
print(s.title())
print(s.swapcase())
print(s.casefold())
print(s.split(), s.split(". "), len(s), s.count("а"), s.find("мир"), s.index("Γ"))
print(s.center(60, "·"), s.encode("utf-8")[:20], s[::-1][:10])
print([w.capitalize() for w in s.split()], s.isalpha(), "Привет".isalpha(), "мир".isupper(), "МИР".isupper())
