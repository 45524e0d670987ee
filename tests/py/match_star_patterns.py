def f(seq):
    match seq:
        case [*head, "end"]:
            return f"ends: {head}"
        case ["start", *mid, last]:
            return f"start..{last} mid={mid}"
        case [_, _, *rest] if len(rest) > 2:
            return f"long rest {rest}"
        case [*everything]:
            return f"anything {everything}"
for s in [["a", "end"], ["start", 1, 2, 3], ["start", "x"], [1, 2, 3, 4, 5], [1], [], ("start", "end")]:
    print(s, "->", f(s))
match {"a": 1, "b": 2, "c": 3}:
    case {"a": 1, **rest}:
        print("rest", rest)
