values = [4, 2, 0, 1]
print(list(10 // v for v in values if v))
result = sum(10 // v for v in values)
