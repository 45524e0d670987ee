a = 10 ** 60 + 12345
b = 10 ** 25 - 7
print(a // b, a % b, divmod(-a, b), divmod(a, -b))
print(a / b, (10 ** 400) // (10 ** 399), -(10 ** 30) // 7)
try:
    (10 ** 400) / 1
except OverflowError as e:
    print("OverflowError:", e)
print((10 ** 400) / (10 ** 399))
