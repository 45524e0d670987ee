for z in [1 + 2j, -1.5 - 0.5j, 1e-10j, complex(1e300, -1e300), complex(0.1, 0.2)]:
    r = repr(z)
    back = complex(r)
    print(r, back == z, str(z))
