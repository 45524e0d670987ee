class Grid:
    size = 3
    cells = [[0] * size for _ in range(size)]
print(len(Grid.cells))
