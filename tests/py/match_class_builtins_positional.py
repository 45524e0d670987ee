for v in [1, 1.5, "s", b"b", [1], (1,), {1: 2}, {1}, frozenset({1}), True, None, 2j, bytearray(b"x")]:
    match v:
        case bool(b):
            r = f"bool {b}"
        case int(i):
            r = f"int {i}"
        case float(f):
            r = f"float {f}"
        case str(s):
            r = f"str {s}"
        case bytes(x) | bytearray(x):
            r = f"bytes-like {x!r}"
        case list(l) | tuple(l):
            r = f"seq {l}"
        case dict(d):
            r = f"dict {d}"
        case set(s) | frozenset(s):
            r = f"set {sorted(s)}"
        case complex() as c:
            r = f"complex {c}"
        case _:
            r = "other"
    print(repr(v), r)
