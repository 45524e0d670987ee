rows = [{"n": 1}, {"n": 2}, {"m": 3}]
print(sum([r["n"] for r in rows[:2]]))
print(sum([r["n"] for r in rows]))
