a = 2 ** 200
print(a)
print(a // 3, a % 1000007, -a // 7, a * a)
print(a > 2 ** 199, a == 2 ** 200, hash(a) == hash(2 ** 200))
f = 1
for i in range(1, 40):
    f *= i
print(f)
print(int("123456789012345678901234567890") + 1)
print(float(2 ** 80), 2 ** 80 / 2 ** 78)
