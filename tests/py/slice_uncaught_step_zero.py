data = list(range(10))
step = len(data) // 20
print(data[::step])
