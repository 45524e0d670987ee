def m(v):
    match v:
        case None | True | False:
            return "singleton"
        case 0 | 0.0:
            return "zero"
        case str() if not v:
            return "empty str"
        case [int(a), int(b)] if a == b:
            return "pair equal"
        case [int(), *rest] if rest:
            return f"int then {len(rest)}"
        case {"t": "circle", "r": r}:
            return f"circle {r}"
        case (x, y, z):
            return f"triple {x}{y}{z}"
        case str(s) if s.isdigit():
            return "digits"
        case str(s):
            return f"str {s[:3]}"
        case _:
            return "other"
for v in [None, True, 0, 0.0, False, "", [1, 1], [1, 2, 3], {"t": "circle", "r": 2}, "xyz", ("a", "b", "c"), "123", "hello", 5.5, [1]]:
    print(repr(v), m(v))
