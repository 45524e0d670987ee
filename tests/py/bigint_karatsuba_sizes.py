a = int("123456789" * 120)
b = int("987654321" * 110)
p = a * b
print(len(str(p)), p % 10 ** 20, p // 10 ** (len(str(p)) - 20))
print(p // a == b, p % b, (p + 1) // b == a, divmod(p + 12345, a)[1])
sq = a * a
print(sq % 1000000007, len(str(sq)))
