s = "abcdefghij"
for start in [None, 0, 3, -1, -3, 20]:
    for stop in [None, 0, 5, -5]:
        print(f"{start!s:>5}:{stop!s:>5}:-1 {s[start:stop:-1]!r}")
