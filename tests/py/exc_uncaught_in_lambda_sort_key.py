records = [("a", 1), ("b", None), ("c", 3)]
print(sorted(records[:1], key=lambda r: r[1] * 2))
print(sorted(records, key=lambda r: r[1] * 2))
