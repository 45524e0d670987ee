total = 0
for i in range(1, 11):
    if i % 2 == 0:
        continue
    total += i
print(total)
n = 0
while True:
    n += 1
    if n > 5:
        break
print(n)
for i in range(3):
    pass
else:
    print("else ran", i)
for x in []:
    print("never")
for i, c in enumerate("abc"):
    print(i, c)
for a, b in zip([1, 2, 3], "xy"):
    print(a, b)
print(list(range(5, 0, -2)), list(reversed([1, 2, 3])))
