print(0.1 + 0.2 == 0.3, 1.0 / 3, 7.0 // 2, -7.0 // 2, 7.0 % -2, -7.5 % 2, divmod(7.5, 2), divmod(-7.5, 2))
print(2.0 ** 0.5, (-8.0) ** 2, 2 ** -1.0, 10.0 ** 308 * 10, -(10.0 ** 308) * 10)
inf = float("inf"); nan = float("nan")
print(inf - inf, inf * 0, nan == nan, nan != nan, inf > 1e308, 0.0 == -0.0, nan is nan)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print(e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print(e)
try:
    10.0 ** 400
except OverflowError as e:
    print(e)
try:
    (-8.0) ** 0.5 + 0
except Exception as e:
    print(type(e).__name__)
print((-8.0) ** 0.5)
