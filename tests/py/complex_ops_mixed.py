# complex arithmetic mixed with int and float, powers, comparisons, hashing
z, w = 2 + 3j, -1 + 0.5j
print(z + 1, 1 + z, z + 0.5, z - 2, 2 - z, z * 2, 2.5 * z, z / 2, 3 / z, z * w, z / w, w / z)
print(z ** 2, z ** -2, z ** 0, z ** 1, z ** 0.5, z ** w, 2 ** z, 2.0 ** z, (1 + 1j) ** 101, 1j ** 100, (-1) ** 0.5, 0j ** 0j)
print(-z, +z, abs(z), abs(-3j), abs(complex(float("inf"), 1)), abs(complex(float("nan"), 1)), z.conjugate(), z.real, z.imag)
print(z == 2 + 3j, z != w, 2 + 0j == 2, 2.5 + 0j == 2.5, 1j == 1, (10**20 + 0j) == 10**20, (2**53 + 1) + 0j == 2**53 + 1, z == "z")
print(hash(2 + 0j) == hash(2), hash(2.5 + 0j) == hash(2.5), hash(0j) == hash(0), hash(1j) == hash(1j), hash(complex(1, 2)))
print(bool(0j), bool(1j), bool(complex(0, -0.0)), [1j, 2][0], {1 + 0j: "a"}[1], 1j in [1j], complex(1, 2) in (complex(1, 2),))
print((-8) ** 0.5, (-1.5) ** 0.5, (-8) ** (1 / 3), pow(-2.0, 0.5), (-1) ** 1.5, (-4.0) ** -0.5, (-2) ** 2.0)
print(1e300j * 1e300j, complex(1e308, 1e308) * 2, 1j / 1e-320, (1 + 2j) / (3 + 0j), (1 + 2j) / 3j)
for call in [lambda: 1j / 0, lambda: 1j / 0.0, lambda: 1 / 0j, lambda: 0j ** -1, lambda: 0j ** 1j, lambda: (10 + 10j) ** 1000,
             lambda: abs(complex(1.7e308, 1.7e308)), lambda: z < w, lambda: z >= 1, lambda: 1 > z, lambda: z // 1,
             lambda: z % 1, lambda: z + "s", lambda: int(z), lambda: float(z), lambda: round(z),
             lambda: complex(float("inf")) ** 2, lambda: (1, 2)[z]]:
    try:
        print(call())
    except (TypeError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
