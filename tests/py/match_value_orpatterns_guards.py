# Value patterns compare with == (dotted names), or-patterns binding the same names,
# nested guards, literal True/1/1.0 semantics, metaclass instances.
class Eq:
    def __init__(self, v): self.v = v
    def __eq__(self, other):
        print("  eq called", self.v, other)
        return self.v == other
class NS:
    ONE = Eq(1)
    TWO = 2
for v in [1, 2, 3]:
    match v:
        case NS.ONE:
            print("one")
        case NS.TWO:
            print("two")
        case other:
            print("other", other)

class Meta(type):
    pass
class WithMeta(metaclass=Meta):
    __match_args__ = ("v",)
    v = 10
match WithMeta():
    case WithMeta(v=10, v2=None):
        print("no")
    case WithMeta(10):
        print("meta ok")

def classify(pt):
    match pt:
        case (0, 0) | [0, 0]:
            return "origin"
        case (x, 0) | (0, x):
            return f"axis {x}"
        case {"x": x, "y": y} | (x, y):
            return f"point {x} {y}"
    return "none"
for pt in [(0,0), [0,0], (5,0), (0,6), {"x":1,"y":2}, (3,4), (1,2,3)]:
    print(classify(pt))

match [1, [2, [3, [4]]]]:
    case [a, [b, [c, [d]]]] if a < b < c < d:
        print("nested guard", a, b, c, d)

x = 5
match x:
    case int() if x > 10:
        print("big")
    case int() as n if n > 3:
        print("medium", n)

match {"a": 1, "b": 2}:
    case {"a": 1, **rest}:
        print(rest)
match None:
    case None:
        print("None")
match True:
    case 1:
        print("1 matches True by ==? no, True is True")
    case True:
        print("True")
match 1:
    case True:
        print("True literal matched 1?")
    case 1:
        print("1")
match 1.0:
    case 1:
        print("1.0 == 1")
match "s":
    case "s" | "t" as st:
        print("st", st)
