def lookup(items, i):
    return items[i]
class Table:
    def __init__(self):
        self.rows = [10, 20]
    def get(self, i):
        return lookup(self.rows, i)
t = Table()
print(t.get(1))
print(t.get(2))
