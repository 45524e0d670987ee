records = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2)]
print(sorted(records, key=lambda r: r[1]))
print(sorted(records, key=lambda r: r[0]))
print(sorted(sorted(records, key=lambda r: r[0]), key=lambda r: r[1], reverse=True))
print(sorted(records, key=lambda r: r[1], reverse=True))
items = [(i % 5, i) for i in range(40)]
s = sorted(items, key=lambda t: t[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
print(s[:10])
