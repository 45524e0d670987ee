s = ""
for ch in "python":
    s = ch + s
print(s)
parts = []
for i in range(10):
    parts.append(str(i * i))
print("+".join(parts), list("abc"), tuple("xy"), sorted("banana"), "".join(reversed("stressed")))
print(max("hello"), min("hello"), sum(map(ord, "abc")), any(c.isupper() for c in "abC"))
