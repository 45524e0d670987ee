class AlwaysEq:
    def __eq__(self, other):
        return True
a = [1, 2, 3, 2, 1]
print(a.count(2), a.index(2), a.index(2, 2), a.count(AlwaysEq()), [1.0, 1, True].count(1), a.index(1, -1))
try:
    a.index(2, 4)
except ValueError as e:
    print(e)
print(AlwaysEq() in [5], [1, 2].index(AlwaysEq()) if False else "x")
