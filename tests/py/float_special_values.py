inf, nan = float("inf"), float("nan")
print(inf, -inf, nan, repr(nan), str(-nan), inf + 1, inf * -1, inf / inf, 0 * inf, -inf < 0 < inf)
print(f"{inf:.2f} {nan:e} {-inf:g} {inf:>8} {nan:08.2f}", "%f %e %g" % (inf, nan, -inf))
print(float("InFiNiTy"), float("+nan"), float("-inf"), int(1e18), max(1, nan), max(nan, 1), min([nan, 1, 2]))
try:
    int(inf)
except OverflowError as e:
    print(e)
try:
    int(nan)
except ValueError as e:
    print(e)
print(inf.is_integer(), nan.is_integer(), (-0.0).hex(), inf.hex(), nan.hex())
try:
    inf.as_integer_ratio()
except OverflowError as e:
    print(e)
