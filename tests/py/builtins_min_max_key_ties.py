data = [("a", 3), ("b", 1), ("c", 3), ("d", 1)]
print(max(data, key=lambda t: t[1]), min(data, key=lambda t: t[1]))
print(max([1, True, 1.0]), min([1, True, 1.0]), max([[1], [1, 0]]), max("aAbB"), min("aAbB"))
