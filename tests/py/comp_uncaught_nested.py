grid = [[1, 2], [3], [4, 5]]
print([row[0] for row in grid])
print([[row[1] for _ in range(1)] for row in grid])
