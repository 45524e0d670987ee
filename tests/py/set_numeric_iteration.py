s = set()
for i in [40, 3, 18, 3, 77, 0, -5, 64, 128]:
    s.add(i)
print(s, sorted(s), len(s))
s.discard(3); s.discard(3)
print(s, s.pop() in {40, 18, 77, 0, -5, 64, 128})
print({i % 10 for i in range(100)}, set(range(5)) == {0, 1, 2, 3, 4}, {1.0, 1, True})
