row = [0] * 3
grid = [row] * 2
grid[0][1] = 5
print(grid, grid[0] is grid[1])
items = [[]] * 3
items[0].append("x")
print(items)
items2 = [[] for _ in range(3)]
items2[0].append("x")
print(items2)
