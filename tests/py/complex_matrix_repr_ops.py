# repr/str and arithmetic over a matrix of special and ordinary parts
z = [0.0, -0.0, 1.0, -1.5, 1e-300, 1e300, float("inf"), float("-inf"), float("nan"), 2.5, 3.0]
for a in z:
    for b in z:
        c = complex(a, b)
        print(repr(c), str(c), end=" ")
        try:
            print(repr(c * (1 + 2j)), repr(c / (3 - 1j)), repr(c + 2), repr(-c), end=" ")
            print(repr(c ** 2), end=" ")
        except Exception as e:
            print(type(e).__name__, e, end=" ")
        print()
