for a, b in [(7, 2), (-7, 2), (7, -2), (7.5, 2), (-7.5, 2), (2 ** 70, 3), (0, 5)]:
    print(a, b, divmod(a, b))
print(pow(2, 8), pow(2.0, 3), pow(2, -2), pow(-1, 0.5), pow(5, 3, 7), pow(base=2, exp=5), pow(2, 5, mod=3))
try:
    pow(2.0, 3, 5)
except TypeError as e:
    print(e)
