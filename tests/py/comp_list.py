print([x * 2 for x in range(5)], [x for x in range(10) if x % 3 == 0], [(x, y) for x in range(3) for y in "ab" if x != 1])
print([[i * j for j in range(3)] for i in range(3)], [c for w in ["ab", "cd"] for c in w])
print([x if x % 2 else -x for x in range(6)], [y for x in [[1, 2], [3]] for y in x], [i for i in range(3) for _ in range(2)])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(r) for r in zip(*matrix)], [[row[i] for row in matrix] for i in range(3)])
