cases = [lambda: int("4.5"), lambda: float("x"), lambda: list(range(3)).index(9), lambda: "abc".index("z"), lambda: [1, 2].remove(3), lambda: chr(1 << 30), lambda: (1).to_bytes(-1, "big"), lambda: "a".center(-1) or int("z"), lambda: bytes.fromhex("g"), lambda: "{:q}".format(1), lambda: range(1, 2, 0), lambda: slice(1, 2, 0).indices(5), lambda: max([]), lambda: "a,b".split(""), lambda: (1, 2).index(3), lambda: complex("z"), lambda: int("", 16), lambda: round(1.5, "x")]
for c in cases:
    try:
        c()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
