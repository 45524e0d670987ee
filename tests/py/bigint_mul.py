a = 3 ** 200
b = 7 ** 150
print(a * b)
print((a * b) // b == a, (a * b) % a)
print(12345678901234567890 * 98765432109876543210)
print((-(10 ** 40)) * (10 ** 40 + 1))
f = 1
for i in range(1, 101):
    f *= i
print(f)
print(len(str(f)), sum(int(c) for c in str(f)))
