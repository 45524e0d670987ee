print(1 + 1.0, 3 * 0.5, 7 / 2, 8 / 2, type(8 / 2).__name__, 2 ** 0.5, 10 // 3.0, 10 % 3.0, True + 0.5, 1 == True, 0.0 == False)
print(1 + 2j, (1 + 2j) + 1.5, type(1 + 0j).__name__, 3 * True, -True, ~True, True / 2, True // 2)
