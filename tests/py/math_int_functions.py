import math
print([math.isqrt(n) for n in [0, 1, 3, 4, 15, 16, 10 ** 30]], math.isqrt(2 ** 200) == 2 ** 100)
print(math.comb(50, 25), math.perm(10), math.factorial(30), math.gcd(2 ** 100, 6 ** 40), math.lcm(12, 18, 30), math.gcd())
try:
    math.isqrt(-1)
except ValueError as e:
    print(e)
try:
    math.comb(5, -1)
except ValueError as e:
    print(e)
print(math.floor(2 ** 70 + 0.5) if False else math.floor(-0.5), math.ceil(2.000000001), type(math.ceil(2.5)).__name__, math.trunc(-7.9))
