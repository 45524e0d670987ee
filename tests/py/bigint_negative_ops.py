n = -(10 ** 25) - 123
for d in [7, -7, 10 ** 12, -(10 ** 12), 2 ** 64]:
    print(d, n // d, n % d, divmod(n, d), -n // d, n >> 3, n << 3)
print(n & 0xFFFFFFFF, n | 1, n ^ -1, ~n, abs(n), -n, +n)
