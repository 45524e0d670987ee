total = 0
for i in range(1000):
    total += i
print(total)
print(sum(range(0, 100, 7)), list(range(-3, 3)), [i for i in range(10, 0, -4)])
print(list(zip(range(3), range(10, 13))), list(reversed(range(1, 10, 4))))
print(range(1, 10, 4).start, range(1, 10, 4).stop, range(1, 10, 4).step)
