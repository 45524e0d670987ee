matrix = [[1, 2], [3, 4]]
def cell(m, r, c):
    return m[r][c]
print(cell(matrix, 1, 1))
print(cell(matrix, 1, 2))
