z = complex(3, 4)
print(z, repr(z), abs(z), z.real, z.imag, z.conjugate(), -z, +z)
print(1j, 1j * 1j, (1 + 2j) * (3 - 4j), (1 + 2j) / (3 - 4j), (1 + 2j) ** 2, 2 ** (1j) == 2 ** 1j)
print(complex("1+2j"), complex("-3.5j"), complex(" (1-1j) "), complex(2), complex(), complex(1.5, -0.0))
print(0j, -0j, complex(0, -0.0), complex(-0.0, 0), (1 + 0j) == 1, hash(1 + 0j) == hash(1))
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print(e)
try:
    1j / 0
except ZeroDivisionError as e:
    print(e)
print(format(1 + 2j, ".2f"), format(3.14159 - 1j, "^20.3g"), complex(float("inf"), float("nan")))
