words = ["zebra", "Zebra", "apple", "Äpfel", "éclair", "eclair", "ångström", "zoo", "ZOO", "ß", "ss"]
print(sorted(words))
print(sorted(words, key=str.casefold))
print(sorted(words, key=lambda w: (w.lower(), w)))
print("a" < "ä" < "z" < "ß", max(words), min(words), "ß".casefold() == "ss".casefold())
