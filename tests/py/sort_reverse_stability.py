data = [(1, "a"), (0, "b"), (1, "c"), (0, "d"), (1, "e")]
print(sorted(data, key=lambda t: t[0], reverse=True))
print(list(reversed(sorted(data, key=lambda t: t[0]))))
a = [3, 1, 2]
a.sort(key=lambda x: 0, reverse=True)
print(a)
