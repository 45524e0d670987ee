z = 1 + 2j
w = 3 - 1j
print(z * w == w * z, (z + w) * z == z * z + w * z, z * z.conjugate(), abs(z) ** 2, (z / w) * w, z ** 3, z.real ** 2 - z.imag ** 2)
print(1j ** 4, (1j) ** -1, complex(1, 1) ** 0.5, (-1 + 0j) ** 0.5, 2 ** (1 + 1j))
