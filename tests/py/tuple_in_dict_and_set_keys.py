grid = {(r, c): r * 3 + c for r in range(3) for c in range(3)}
print(grid[(1, 2)], grid[2, 0], (0, 0) in grid, len(grid), sorted(grid)[:4])
visited = {(0, 0)}
for step in [(0, 1), (1, 1), (0, 1), (0, 0)]:
    visited.add(step)
print(sorted(visited), len(visited))
