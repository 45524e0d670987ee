words = ["pear", "apple", "fig", "apple", "kiwi", "fig", "date"]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(counts)
print({w: len(w) for w in words})
print(dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))))
inv = {v: k for k, v in counts.items()}
print(inv)
