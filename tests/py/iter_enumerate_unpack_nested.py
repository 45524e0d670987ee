pairs = [("a", (1, 2)), ("b", (3, 4))]
for i, (name, (x, y)) in enumerate(pairs, 1):
    print(i, name, x + y)
for (i, c), n in zip(enumerate("xy"), [10, 20]):
    print(i, c, n)
print(list(map(lambda t: t[0] * t[1], enumerate([5, 6, 7]))))
