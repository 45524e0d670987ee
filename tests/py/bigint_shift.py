x = 1 << 200
print(x, x >> 199, x >> 300, (-x) >> 199, (-x) >> 1000, x << 5)
print((2 ** 100 - 1) & (2 ** 64 + 12345), (2 ** 100) | 1, (-(2 ** 100)) ^ 5, ~(2 ** 100))
print((-(2 ** 70)) & 0xFFFF, (-(2 ** 70) - 1) & (2 ** 71 - 1))
print((2 ** 100).bit_length(), (-(2 ** 100)).bit_length(), (2 ** 100 - 1).bit_count())
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
