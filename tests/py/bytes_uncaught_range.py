values = [10, 20, 300]
print(bytes(values[:2]))
data = bytes(values)
print(data)
