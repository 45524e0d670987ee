rows = [("a", 1), ("b", "two")]
for name, value in rows:
    print(f"{name}: {value:>5d}")
