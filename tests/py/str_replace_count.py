s = "one two one two one"
print(s.replace("one", "1"), s.replace("one", "1", 1), s.replace("one", "1", 0), s.replace("one", "1", -1), s.replace("", "|", 3), s.replace("zzz", "x"))
print("aaaa".replace("aa", "b"), "ababab".replace("aba", "X"), "ñañaña".replace("ña", "NA", 2))
