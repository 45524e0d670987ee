for a, b in [(5.5, 2), (-5.5, 2), (5.5, -2), (-5.5, -2), (0.0, 1), (-0.0, 1), (1e308, 1e-308), (7, 0.1)]:
    try:
        print(a, b, a // b, a % b, divmod(a, b))
    except OverflowError as e:
        print(a, b, "OverflowError", e)
print(-0.0 % 5, 0.0 % -5, 1 % float("inf"), -1 % float("inf"), float("inf") % 3 if False else "skip")
