a = ""
for i in range(1000):
    a += str(i % 10)
b = "".join(str(i % 10) for i in range(1000))
print(a == b, len(a), a[:12], a.count("7"))
parts = []
s = ""
for w in ["α", "β", "γ"] * 100:
    s += w
print(len(s), s[:6], s[-3:])
