total = sum(i ** 20 for i in range(1, 200))
print(total, total.bit_length(), total % 999983)
alt = sum((-1) ** i * 3 ** i for i in range(300))
print(alt % 10 ** 15, alt < 0)
