a, b = 0, 1
for _ in range(1000):
    a, b = b, a + b
print(a)
print(a.bit_length(), a % 1000000007, str(a)[:20], len(str(a)))
