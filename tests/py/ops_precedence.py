print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2)
print(1 + 2 << 1, 1 | 2 ^ 3 & 4, ~1 + 1, not 1 + 1, 1 < 2 == 2, not True == False, 3 & 5 == 1)
print(True + True, 1 if 0 else 2 if 0 else 3, "a" "b" * 2, -3 % 5, -(3 % 5), 2 ** -1 * 4)
x = 5
print(0 < x < 10, x > 3 and x < 4 or "fallback", not x is None, x is not None)
print(lambda: 0 if True else 1, (lambda: 1 if False else 2)()) if False else print((lambda: 1 if False else 2)())
