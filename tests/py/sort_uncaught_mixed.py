records = [{"n": 3}, {"n": 1}, {"n": "2"}]
print(sorted(r["n"] for r in records[:2]))
print(sorted(r["n"] for r in records))
