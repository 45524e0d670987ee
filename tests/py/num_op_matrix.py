# binary arithmetic over ints (word and big), bools and floats (finite, signed zero, inf, nan):
# results and exception messages of + - * / // % ** divmod << >> & | ^ and comparisons
values = [0, 1, -1, 7, -7, 3, 2**64, -(2**64) - 3, 10**20 + 1, True, 0.0, -0.0, 2.5, -2.5, 1e308, float("inf"), float("-inf"), float("nan"), 2**53 + 1]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("/", lambda a, b: a / b), ("//", lambda a, b: a // b), ("%", lambda a, b: a % b),
    ("divmod", divmod), ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
    ("<", lambda a, b: a < b), ("==", lambda a, b: a == b), (">=", lambda a, b: a >= b),
]
def show(f, a, b):
    try:
        return repr(f(a, b))
    except Exception as e:
        return type(e).__name__ + ": " + str(e)
for name, f in ops:
    row = []
    for a in values:
        for b in values:
            if name in ("<<", ">>") and isinstance(b, int) and b > 64:
                continue
            row.append(show(f, a, b))
    print(name, len(row))
    for r in row:
        print(" ", r)
powers = [0, 1, 2, -1, -2, 3, 0.5, -0.5, 2.0, 10, 100, float("inf"), float("-inf"), float("nan")]
for a in [0, 1, -1, 2, -2, 10, 0.0, -0.0, 1.5, -1.5, 1e300, float("inf"), float("-inf"), float("nan")]:
    out = []
    for b in powers:
        if isinstance(a, (int, float)) and a < 0 and isinstance(b, float) and b == b and b not in (float("inf"), float("-inf")) and b != int(b):
            continue
        out.append(show(lambda x, y: x ** y, a, b))
    print("**", a, out)
print(show(pow, 2, 10), pow(3, 4, 5), pow(-3, 3, 7), pow(7, -1, 11), pow(2**70, 3, 2**61 - 1))
