def f(v):
    match v:
        case (1 | 2) as small:
            return f"small {small}"
        case [(0 | 1) as bit, *_] as whole:
            return f"bit {bit} in {whole}"
        case {"k": (str() | bytes()) as key}:
            return f"key {key!r}"
        case [x, y] | (x, y, _):
            return f"x={x} y={y}"
    return "none"
for v in [1, 2, [1, 5], {"k": "s"}, {"k": b"b"}, [7, 8], (7, 8, 9), 3]:
    print(v, f(v))
