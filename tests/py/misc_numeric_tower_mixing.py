print(1 + 2.0, 1 + 2j, 2.0 + 1j, 3 // 2.0, 3 % 2.5, True + 1j, 10 ** -2, 10.0 ** 2, (1 + 1j) * True)
print(type(1 + 1.0).__name__, type(1 + 1j).__name__, type(True + True).__name__, type(10 / 5).__name__, type(10 // 5).__name__, type(2 ** -1).__name__)
print(1 == 1.0 == 1 + 0j, hash(1) == hash(1.0) == hash(1 + 0j), 0.5 == 1 / 2, 1 / 3 == 0.3333333333333333)
