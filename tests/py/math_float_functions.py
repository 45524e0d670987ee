import math
for x in [0.0, 0.5, 1.0, 2.0, 10.0]:
    print(x, round(math.exp(x), 10), round(math.log1p(x), 10), round(math.expm1(x), 10), round(math.sqrt(x), 10), round(math.tanh(x), 10), round(math.atan(x), 10))
print(math.pow(2, 10), math.pow(2, 0.5), math.fmod(10, 3), math.remainder(10, 3), math.copysign(3, -0.0), math.dist((0, 0), (3, 4)), math.hypot(1, 2, 2))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9), math.nan != math.nan, math.inf > 10 ** 400)
print(math.sumprod([1, 2, 3], [4, 5, 6]) if hasattr(math, "sumprod") else 32, math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.exp2(10) if hasattr(math, "exp2") else 1024.0)
