for base in [2, 3, 8, 10, 16, 36]:
    print(base, int("101", base), int("-zz", 36) if base == 36 else int("7" if base > 7 else "1", base))
n = 123456789
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
for base in [2, 7, 16, 36]:
    out, m = "", n
    while m:
        out = digits[m % base] + out
        m //= base
    print(base, out, int(out, base) == n)
try:
    int("2", 2)
except ValueError as e:
    print(e)
try:
    int("1", 37)
except ValueError as e:
    print(e)
