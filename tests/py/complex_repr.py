for z in [1j, -1j, 1 + 1j, 1.5 - 2.25j, complex(0, 0), complex(-0.0, -0.0), complex(1e20, 1e-20), complex(float("inf"), 1), complex(1, float("nan")), 2j ** 2, complex(3, 0)]:
    print(repr(z), str(z), z.real, z.imag)
