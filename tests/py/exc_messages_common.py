cases = [
    lambda: [][0], lambda: ()[1], lambda: "a"[5], lambda: {}["k"], lambda: 1 + "a", lambda: "a" - 1,
    lambda: None(), lambda: 5(), lambda: len(5), lambda: int("x"), lambda: undefined_name,
    lambda: [].nope, lambda: 1 / 0, lambda: 1 % 0, lambda: [1, 2].index(5), lambda: {}.pop("z"),
    lambda: iter(None), lambda: sum(["a"]), lambda: abs("x"), lambda: -"x", lambda: ~1.5, lambda: [] < 1,
    lambda: object() + object(), lambda: chr(-1), lambda: ord("ab"), lambda: max([]), lambda: min(()),
    lambda: divmod(1, "a"), lambda: hash([]), lambda: {}.fromkeys(1), lambda: int.from_bytes(1, "big"),
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(f"{type(e).__name__}: {e}")
