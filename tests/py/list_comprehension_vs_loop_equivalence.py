res1 = []
for x in range(5):
    if x % 2:
        for y in range(x):
            res1.append((x, y))
res2 = [(x, y) for x in range(5) if x % 2 for y in range(x)]
print(res1 == res2, res2)
