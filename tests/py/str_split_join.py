print("a b  c\td\n".split(), "a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("  x  y ".split(None, 1), "".split(), "".split(","), "abc".split("b"))
print("line1\nline2\r\nline3\rline4".splitlines(), "a\nb\n".splitlines(True))
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(str(i) for i in range(5)))
try:
    "-".join(["a", 1])
except TypeError as e:
    print(e)
try:
    "a".split("")
except ValueError as e:
    print(e)
