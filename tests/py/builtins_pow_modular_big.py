print(pow(2, 1000, 10 ** 9), pow(3, 10 ** 18, 1000003), pow(-7, 3, 10), pow(7, -2, 11), pow(10 ** 30 + 1, 10 ** 30, 998244353))
try:
    pow(2, -1, 6)
except ValueError as e:
    print(e)
print(pow(2.5, 2), pow(-8, 1 / 3), pow(4, 0.5), pow(0.0, 0), pow(2, 3.0))
