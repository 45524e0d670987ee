def build(n):
    s = ""
    for i in range(n):
        s += "abcdefghij"
    return s
s = build(100000)
print(len(s), s[:12], s[-3:], hash(s) == hash("abcdefghij" * 100000), s == "abcdefghij" * 100000)
t = ""
for i in range(1000):
    t += str(i)
print(len(t), t[-10:])
