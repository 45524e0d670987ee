# complex powers and quotients over special values; negative floats to fractional powers
vals = [0j, 1 + 0j, -1 + 0j, 1j, -1j, 0.5 + 0.5j, 2 - 3j, -2.5 + 1e-3j, 1e10 + 1j, 3 + 0j, -0.0 - 0.0j]
exps = [0, 1, 2, -1, -2, 3, 0.5, -0.5, 1j, 2 + 1j, 100, 101, -100, 2.0, 1e-3]
for a in vals:
    row = []
    for b in exps:
        try:
            row.append(repr(a ** b))
        except (ZeroDivisionError, OverflowError) as e:
            row.append(type(e).__name__)
    print(" ".join(row))
    row = []
    for b in vals:
        try:
            row.append(repr(a / b))
        except ZeroDivisionError as e:
            row.append("ZDE")
    print(" ".join(row), hash(a) == hash(complex(a.real, a.imag)), abs(a))
for x in [-8, -1.5, -0.0, -1e-300, -2, -27.0]:
    for y in [0.5, 1 / 3, -0.5, 2.5, 1e-9]:
        try:
            print(repr(x ** y), end=" ")
        except Exception as e:
            print(type(e).__name__, e, end=" ")
    print()
