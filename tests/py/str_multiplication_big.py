s = "ab" * 50000
print(len(s), s[:6], s[-4:], s.count("ab"), s.find("ba"), ("xyz" * 1000).count("zx"))
t = "-".join(str(i) for i in range(2000))
print(len(t), t[:20], t[-20:], t.count("-"), t.split("-")[1234])
