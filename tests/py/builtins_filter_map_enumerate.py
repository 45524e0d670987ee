print(list(filter(str.isdigit, "a1b2c3")), list(map(int, "123")), list(map(lambda *a: sum(a), [1, 2], [3, 4], [5, 6])))
print(list(enumerate(["x", "y"], start=-1)), dict(enumerate("ab")))
e = enumerate(iter("abc"))
print(next(e), list(e))
