def f(v):
    match v:
        case [1, *_] | [*_, 1]:
            return "has 1 at an end"
        case (int() | float()) as num if num < 0:
            return "negative"
        case bool(b):
            return f"bool {b}"
        case list() | tuple():
            return "sequence"
        case dict(d) if not d:
            return "empty dict"
        case {"k": [_, *others]}:
            return f"others {others}"
        case _:
            return "fallthrough"
for v in [[1, 2], [3, 1], -2, -0.5, True, [2], (), {}, {"k": [1, 2, 3]}, {"k": 1}, "str"]:
    print(repr(v), f(v))
