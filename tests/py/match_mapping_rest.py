# Mapping patterns: keys, **rest, dict subclasses, get() protocol, duplicates at run time.
def show(m):
    match m:
        case {"type": "point", "x": x, "y": y, **rest}:
            return f"point {x},{y} rest={rest}"
        case {"type": "empty", **rest} if not rest:
            return "empty with nothing else"
        case {"type": t, **others}:
            return f"type {t} others={sorted(others)}"
        case {1: one}:
            return f"int key {one}"
        case {}:
            return f"any mapping of {len(m)}"
        case _:
            return "not a mapping"

for m in [{"type": "point", "x": 1, "y": 2}, {"type": "point", "x": 1, "y": 2, "z": 3, "w": 4},
          {"type": "empty"}, {"type": "empty", "k": 0}, {1: "a", 2: "b"}, {}, {"q": 1}, [("type", 1)], "type"]:
    print(show(m))

class Tracking(dict):
    def get(self, key, default=None):
        print("  get", repr(key))
        return super().get(key, default)
    def __getitem__(self, key):
        print("  getitem", repr(key))
        return super().__getitem__(key)

t = Tracking(a=1, b=2, c=3)
match t:
    case {"a": 1, "b": b, **rest}:
        print("tracked", b, rest, type(rest).__name__)

match t:
    case {"zzz": _}:
        print("no")
    case {"c": 3}:
        print("c is 3")

class Keys:
    A = "k"
    B = "k"

def dup():
    match {"k": 1, "j": 2}:
        case {Keys.A: 1, Keys.B: 1}:
            print("unreachable")

try:
    dup()
except ValueError as e:
    print("ValueError", e)

# Value patterns compare with ==, so 1 and True and 1.0 pick the same key.
match {1: "one"}:
    case {True: v}:
        print("True finds 1:", v)
