data = list(range(1000)) + list(range(999, -1, -1)) + list(range(500))
seed = 1
for i in range(0, len(data), 37):
    seed = (seed * 75 + 74) % 65537
    data[i] = seed % 1000
s = sorted(data)
print(s[:15], s[-15:], len(s), sum(s))
pairs = [(v % 10, i) for i, v in enumerate(data)]
ps = sorted(pairs, key=lambda p: p[0])
print(ps[:6], all(ps[i][1] < ps[i + 1][1] for i in range(len(ps) - 1) if ps[i][0] == ps[i + 1][0]))
