items = [1, 2, 3]
idx = 5
value = items[idx]
