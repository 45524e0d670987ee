s = "  a b   c  d  "
print(s.split(None, 2), s.rsplit(None, 2), s.split(" ", 2), s.rsplit(" ", 2), s.split(maxsplit=1), s.rsplit(maxsplit=0))
print("a,b,c".rsplit(",", maxsplit=1), "".rsplit(","), ",".split(","), "a".rsplit("a"))
