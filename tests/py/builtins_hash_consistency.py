for a, b in [(1, 1.0), (0, -0.0), (1, True), (2 ** 61 - 1, 0), (-1, -2), (1.5, 3 / 2), (10 ** 20, 1e20), ("", ""), ((1,), (1.0,)), (frozenset([1]), frozenset([1.0]))]:
    print(repr(a), repr(b), hash(a) == hash(b), a == b)
