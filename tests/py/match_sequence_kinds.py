# Sequence patterns: what counts as a sequence, star captures, nested, or-patterns, as-patterns.
def kind(s):
    match s:
        case []:
            return "empty"
        case [x]:
            return f"one {x!r}"
        case [first, *middle, last] if len(middle) > 2:
            return f"long {first!r}..{last!r} middle={middle}"
        case [first, *rest]:
            return f"head {first!r} rest={rest}"
        case _:
            return "not a sequence"

for s in [[], [1], (1, 2), [1, 2, 3, 4, 5], range(3), "abc", b"ab", bytearray(b"x"),
          {1, 2}, {"a": 1}, iter([1, 2]), 42, None]:
    print(type(s).__name__, kind(s))

class MyList(list):
    pass

print("subclass", kind(MyList([9, 8])))

def nested(v):
    match v:
        case [(a, b), [c, *d]]:
            return f"pairs a={a} b={b} c={c} d={d}"
        case [1 | 2 as small, *_] :
            return f"starts small {small}"
        case [[*inner]] as whole:
            return f"single inner {inner} whole={whole}"
        case ([x, y] | (x, y, _)):
            return f"two-ish {x} {y}"
        case _:
            return "no"

for v in [[(1, 2), [3, 4, 5]], [2, 9], [[7, 8]], [5, 6], (5, 6, 7), [5, 6, 7, 8]]:
    print(nested(v))

# Star in the middle with fixed parts on both sides.
match list(range(10)):
    case [a, b, *mid, y, z]:
        print(a, b, mid, y, z)

# Literal and wildcard mixes, negative numbers, complex, None/True/False singletons.
for v in [(-1, 0), (1.5, None), (True, False), (1, True), (2j, "s")]:
    match v:
        case (-1, 0):
            print("neg one, zero")
        case (1.5, None):
            print("float and None")
        case (True, False):
            print("True, False")
        case (1, True):
            print("1 and True")
        case (2j, str() as s):
            print("complex and", s)
