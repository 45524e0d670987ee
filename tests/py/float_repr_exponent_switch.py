for e in range(-8, 20):
    print(e, 10.0 ** e, 1.5 * 10.0 ** e, -(2.0 ** e))
