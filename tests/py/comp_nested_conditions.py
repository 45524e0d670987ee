print([x for x in range(30) if x % 2 if x % 3 if x % 5])
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print({k: [v for v in range(k) if v % 2] for k in range(5)})
print([[y for y in x if y] for x in [[0, 1], [2, 0, 3], []]])
