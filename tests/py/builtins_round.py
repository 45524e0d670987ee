for v in [0.5, 1.5, 2.5, -2.5, 3.45, 2.675, 1e16 + 1, 123.456]:
    print(v, round(v), round(v, 1), round(v, -1))
print(round(15, -1), round(25, -1), round(-35, -1), round(7, 2), type(round(7, 2)), round(2 ** 70 + 5, -1))
class R:
    def __round__(self, n=None):
        return f"rounded {n}"
print(round(R()), round(R(), 3))
