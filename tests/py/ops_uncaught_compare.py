items = [3, 1, None, 2]
print(max(items[:2]))
print(max(items))
