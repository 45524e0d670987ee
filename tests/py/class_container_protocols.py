class Grid:
    def __init__(self):
        self.cells = {}
    def __getitem__(self, key):
        return self.cells.get(key, ".")
    def __setitem__(self, key, value):
        self.cells[key] = value
    def __delitem__(self, key):
        del self.cells[key]
    def __contains__(self, key):
        return key in self.cells
    def __len__(self):
        return len(self.cells)
    def __iter__(self):
        return iter(sorted(self.cells))
g = Grid()
g[0, 0] = "#"
g[1, 2] = "@"
print(g[0, 0], g[5, 5], (1, 2) in g, len(g), list(g))
del g[0, 0]
print(len(g), list(g))
try:
    del g[9, 9]
except KeyError as e:
    print("KeyError", e)
print("".join(g[r, c] for r in range(2) for c in range(3)))
