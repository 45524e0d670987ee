def expensive(n):
    return n * n
data = [1, 2, 3, 4, 5]
print([y for x in data if (y := expensive(x)) > 5])
print({x: v for x in data if (v := x % 3)})
print([(x, last := x) for x in "ab"], last)
