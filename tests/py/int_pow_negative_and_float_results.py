print(2 ** -1, 10 ** -3, (-2) ** -3, 0 ** 5, 1 ** -100, (-1) ** 101, (-1) ** -101, type(4 ** -1).__name__)
print(pow(2, 100) == 2 ** 100, 9 ** 0.5, 8 ** (1 / 3), (-27) ** (1 / 3) if False else "skip", 2 ** 62 * 2 ** 62)
try:
    0 ** -2
except ZeroDivisionError as e:
    print(e)
