# Class patterns: __match_args__, keyword sub-patterns, builtins that match themselves, errors.
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

class Point3(Point):
    __match_args__ = ("x", "y", "z")
    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z

class NoArgs:
    pass

def describe(p):
    match p:
        case Point3(0, 0, 0):
            return "3d origin"
        case Point3(x, y, z=0):
            return f"3d flat {x},{y}"
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(xx, 0):
            return f"on x axis at {xx}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Point():
            return "some point"
        case NoArgs():
            return "no args"
        case _:
            return "other"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2),
          Point3(0, 0, 0), Point3(1, 2, 0), Point3(1, 2, 3), NoArgs(), 7]:
    print(type(p).__name__, describe(p))

# A missing attribute is a failed match, not an error.
class Partial:
    __match_args__ = ("a", "missing")
    a = 1

match Partial():
    case Partial(1, m):
        print("matched", m)
    case Partial(a=1):
        print("keyword a only")

# Builtins that match their single positional sub-pattern against the subject itself.
class MyInt(int):
    pass

class Wrapped(int):
    __match_args__ = ("real",)

for v in [True, 5, MyInt(7), 2.5, "text", b"b", bytearray(b"ba"), [1], (1,), {1: 2}, {3}, frozenset({4})]:
    match v:
        case bool(b):
            print("bool", b)
        case int(i):
            print("int", i, type(i).__name__)
        case float(f):
            print("float", f)
        case str(s):
            print("str", s)
        case bytes(bb) | bytearray(bb):
            print("bytes-like", bb)
        case list(l) | tuple(l):
            print("list/tuple", l)
        case dict(d):
            print("dict", d)
        case set(s) | frozenset(s):
            print("set-like", sorted(s))

match Wrapped(9):
    case Wrapped(r):
        print("real via __match_args__", r)

def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, e)

def too_many():
    match NoArgs():
        case NoArgs(1):
            pass

def too_many_int():
    match 3:
        case int(1, 2):
            pass

def bad_elements():
    class Bad:
        __match_args__ = (1,)
    match Bad():
        case Bad(x):
            pass

def not_tuple():
    class L:
        __match_args__ = ["a"]
    match L():
        case L(x):
            pass

def twice():
    match Point(1, 2):
        case Point(1, x=1):
            pass

def not_a_class():
    f = len
    match 1:
        case f():
            pass

def plural():
    match Point(1, 2):
        case Point(1, 2, 3):
            pass

attempt("too many", too_many)
attempt("too many int", too_many_int)
attempt("bad elements", bad_elements)
attempt("not tuple", not_tuple)
attempt("twice", twice)
attempt("not a class", not_a_class)
attempt("plural", plural)
