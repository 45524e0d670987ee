table = str.maketrans("", "", "aeiouáé")
print("Sáenz María and Éric".translate(table), "Éric".lower().translate(table))
print("tab\tand\nnewline".translate({9: "\\t", 10: "\\n"}), "abc".translate({97: 98, 98: None}))
