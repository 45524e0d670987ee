for v in [0, 1, -1, -2, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 64, -(2 ** 64), 10 ** 30, True, False, 1.0, 0.5, -0.5, (1, 2), (), None.__hash__() == hash(None)]:
    print(repr(v), hash(v))
print(hash(3) == hash(3.0) == hash(3 + 0j), hash(frozenset()) == hash(frozenset()))
