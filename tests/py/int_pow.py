print(pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7), pow(-2, 3), pow(2, 0), pow(0, 0))
print(pow(7, 123, 13), pow(10, 100, 97))
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError:", e)
print(2 ** -2, (-8) ** (1 / 3) if False else "skip")
