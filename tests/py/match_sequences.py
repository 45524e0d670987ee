def shape(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x},{y}"
        case [0, *rest]:
            return f"starts with 0, rest {rest}"
        case [first, *_, last]:
            return f"first {first} last {last}"
        case _:
            return "not a sequence"
for s in [[], [1], (1, 2), [0, 1, 2, 3], [5, 6, 7], "ab", {1, 2}, range(3), b"xy"]:
    print(repr(s), shape(s))
match [1, [2, [3, 4]]]:
    case [a, [b, [c, d]]]:
        print(a + b + c + d)
