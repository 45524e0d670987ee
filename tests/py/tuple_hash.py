for t in [(), (1,), (1, 2), (1, 2, 3), ((1, 2), 3), (-1,), (0.5, True), (None,) if False else (1, -2)]:
    print(t, hash(t))
