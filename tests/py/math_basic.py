import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.isnan(math.nan))
print(math.sqrt(2), math.sqrt(16), math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(3), type(math.floor(2.5)).__name__)
print(math.gcd(12, 18), math.gcd(0, 0), math.lcm(4, 6), math.factorial(20), math.comb(10, 3), math.perm(5, 2), math.isqrt(10 ** 20 + 1))
print(math.fabs(-3), math.copysign(1, -0.0), math.fmod(-7, 3), math.hypot(3, 4), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 2), 12), math.atan2(1, 1) * 4 == math.pi, math.degrees(math.pi), math.radians(180))
print(math.isclose(0.1 + 0.2, 0.3), math.isfinite(1e308), math.isinf(-math.inf), math.fsum([0.1] * 10), sum([0.1] * 10), math.prod([1, 2, 3, 4]))
print(math.modf(3.5), math.frexp(8.0), math.ldexp(0.5, 4), math.floor(10 ** 20 + 0.5) if False else math.floor(1e20))
