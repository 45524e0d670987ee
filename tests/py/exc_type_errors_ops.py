cases = [lambda: [] + {}, lambda: 1 @ 2, lambda: "a" ** 2, lambda: {} * 2, lambda: None < 1, lambda: [1] < (1,), lambda: 1 - None, lambda: (1,) + [2], lambda: b"a" + "b", lambda: 2 ** "x", lambda: divmod("a", 1), lambda: ~"x", lambda: +[], lambda: abs(None), lambda: "x" % 1, lambda: "%d" % "x", lambda: len(1.5), lambda: int([]), lambda: float([]), lambda: sorted(1)]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
