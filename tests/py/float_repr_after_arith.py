x = 0.0
out = []
for i in range(10):
    x += 0.1
    out.append(repr(x))
print(out)
print([round(i * 0.1, 1) for i in range(10)], [i / 10 for i in range(10)])
print(sum(i * 0.01 for i in range(100)), 3 * 1.1, 1.1 + 2.2, 0.1 * 0.1)
