print(list(map(lambda a, b, c: a + b + c, [1, 2, 3, 4], (10, 20), range(100, 105))))
print(list(map(str.upper, ["a", "b"])), list(map(len, ["", "ab", "abc"])), list(map(int, "0123", [2] * 4)) if False else list(map(int, ["10", "11"], [2, 16])))
try:
    list(map(lambda a: a, [1], [2], strict=True))
except TypeError as e:
    print(e)
