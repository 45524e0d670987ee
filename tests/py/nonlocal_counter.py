def make():
    total = []
    def add(x):
        total.append(x)
        return sum(total)
    return add
add = make()
for i in range(5):
    print(add(i))
