# BINARY_OP_INPLACE_ADD_UNICODE: `s += t` / `s = s + t` on a local, with the string shared or
# not, non-ASCII text, a str subclass (a miss), a non-str operand after specialisation, and
# the local rebound to another value between iterations.


def build(parts):
    s = ""
    for p in parts:
        s += p
    return s


def build_plus(parts):
    s = "start:"
    for p in parts:
        s = s + p
    return s


parts = ["ab", "c", "", "déf", "xyz" * 10, "€", "g"] * 12
print(build(parts))
print(build_plus(parts))

# Another reference to the string: it must not change under it.
def shared(n):
    s = "x"
    keep = []
    for i in range(n):
        keep.append(s)
        s += str(i)
    return s, keep[:5], keep[-1]


print(shared(60))

# Dict keys and hashes: a string used as a key, then extended, then looked up again.
def keys(n):
    d = {}
    s = "k"
    for i in range(n):
        d[s] = i
        s += "!"
    return len(d), d.get("k!!!"), s in d, hash(s) == hash("k" + "!" * n)


print(keys(60))


# A str subclass on the left: the generic path (its __add__ / __radd__).
class S(str):
    def __add__(self, other):
        return S(str.__add__(self, other).upper())


def mixed(items):
    s = ""
    out = []
    for x in items:
        s += x
        out.append(type(s).__name__)
    return s, out[-3:]


print(mixed(["a", "b"] * 40))
print(mixed(["a"] * 60 + [S("q"), "r", "s"]))


# A non-str operand after the specialisation: TypeError from the generic path.
def bad(items):
    s = ""
    for x in items:
        try:
            s += x
        except TypeError as e:
            return s[-3:], str(e)
    return s


print(bad(["ab"] * 60 + [3]))


# The local rebound so it no longer holds the left operand (the guard's identity test).
def other_local(n):
    s = "a"
    t = "b"
    for i in range(n):
        t = s + "c"
        s = s + "d"
    return len(s), t[-3:]


print(other_local(70))


# Large strings (blocks outside the small size classes).
def big(n):
    s = "y" * 5000
    for i in range(n):
        s += "z" * 1000
    return len(s), s[4998:5002], s.count("z")


print(big(70))


# The result is a proper str: comparisons, hashing, methods, identity with equal literals.
def check():
    s = "he"
    for ch in "llo":
        s += ch
    return s == "hello", s.upper(), hash(s) == hash("hello"), s.isascii(), len(s)


print([check() for _ in range(60)][-1])


# ASCII only: the string grows through several block sizes, appended in place where it fits.
def ascii_growth(n):
    s = "-"
    lens = []
    for i in range(n):
        s += "abcdefg"[: i % 8]
        lens.append(len(s))
    return s[:20], s[-20:], lens[::50], hash(s) == hash("".join([s])), s == "-" + "".join("abcdefg"[: i % 8] for i in range(n))


print(ascii_growth(400))


# A str subclass on the left: its __add__ runs.
def subclass_left(n):
    s = S("a")
    for i in range(n):
        s += "b"
    return type(s).__name__, s[:5]


print(subclass_left(60))
