import math
print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
print(math.sqrt(2), math.sqrt(16), math.isqrt(10 ** 30 + 7), math.isqrt(0))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.7), math.floor(7), math.ceil(2.000001), math.floor(1e20))
print(type(math.floor(2.5)).__name__, type(math.ceil(True)).__name__, math.floor(True))
print(math.gcd(12, 18), math.gcd(), math.gcd(0, 0), math.gcd(-12, 18, 30), math.lcm(4, 6), math.lcm(), math.lcm(3, 0))
print(math.factorial(0), math.factorial(20), math.factorial(30), math.comb(10, 3), math.comb(5, 7), math.perm(5, 2), math.perm(4), math.perm(3, None))
print(math.fabs(-3), math.copysign(1, -0.0), math.copysign(2.5, 1), math.fmod(-7, 3), math.fmod(7, math.inf), math.remainder(10, 3), math.remainder(11, 2))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.dist((1, 1), (4, 5)))
print(math.log(math.e), math.log(8, 2), math.log(100, 10), math.log10(1000), math.log2(1024), math.log(10 ** 400), math.log2(2 ** 2000), math.log1p(0))
print(math.exp(0), math.exp(1), math.expm1(0), math.exp2(10), math.pow(2, 10), math.pow(2, 0.5), math.pow(-8, 1 / 3) if False else math.pow(4, -1))
print(math.sin(0), math.cos(0), math.tan(0), math.asin(1), math.acos(1), math.atan(1), math.atan2(1, 1), math.atan2(-0.0, -1))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(1), math.atanh(0.5))
print(math.degrees(math.pi), math.radians(180), math.cbrt(27), math.cbrt(-8))
print(math.isnan(math.nan), math.isinf(-math.inf), math.isfinite(1e308), math.isfinite(math.inf), math.isnan(1))
print(math.isclose(0.1 + 0.2, 0.3), math.isclose(1, 1.1), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-10, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.fsum([0.1] * 10), math.fsum([1e100, 1, -1e100]), math.fsum([]), math.fsum([math.inf, 1]), math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2, 3], start=10), math.prod([1.5, 2]))
print(math.modf(3.5), math.modf(-2.25), math.frexp(8.0), math.frexp(0.0), math.ldexp(0.5, 4), math.ldexp(1.0, -1075))
errors = [
    (math.sqrt, (-1,)), (math.log, (0,)), (math.log, (-1,)), (math.log10, (0,)), (math.log2, (-2,)),
    (math.log, (10, 1)), (math.acos, (2,)), (math.asin, (-2,)), (math.exp, (1000,)), (math.pow, (0, -1)),
    (math.pow, (10.0, 400)), (math.fmod, (1, 0)), (math.fmod, (math.inf, 1)), (math.cos, (math.inf,)),
    (math.sqrt, ("x",)), (math.floor, ("a",)), (math.trunc, ("x",)), (math.floor, (math.inf,)), (math.ceil, (math.nan,)),
    (math.factorial, (-1,)), (math.factorial, (2.5,)), (math.comb, (-1, 2)), (math.perm, (3, -1)), (math.comb, (1.5, 1)),
    (math.isqrt, (-1,)), (math.isqrt, (2.0,)), (math.gcd, (1.5,)), (math.ldexp, (1.0, 1.5)), (math.ldexp, (1.0, 5000)),
    (math.prod, (5,)), (math.fsum, ([math.inf, -math.inf],)), (math.fsum, ([1e308, 1e308],)), (math.isclose, (1, 2)),
    (math.sqrt, ()), (math.log, ()), (math.copysign, (1,)), (math.sqrt, (10 ** 400,)), (math.dist, ((1,), (1, 2))),
]
for f, args in errors:
    try:
        print(f.__name__, f(*args))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(f.__name__, type(e).__name__, e)
try:
    math.isclose(1, 2, rel_tol=-1)
except ValueError as e:
    print("ValueError", e)


class Floaty:
    def __float__(self):
        return 2.25


class Floored:
    def __floor__(self):
        return "custom floor"


print(math.sqrt(Floaty()), math.floor(Floored()))
