n = 5 / 2
for i in range(3):
    print(i)
for i in range(n):
    print(i)
