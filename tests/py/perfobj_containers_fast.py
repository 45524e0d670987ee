# Set membership (CONTAINS_OP_SET), dict/set key comparison, sort keys and instance freeing:
# the fast paths must give the generic results, errors and __eq__/__lt__/__del__ calls.
s = {1, 2, 3, "a", 2.5, (1, 2)}
fs = frozenset({1, 2, 3})
hits = []
for _ in range(3):  # enough executions for the instruction to specialise
    for x in [1, 4, "a", "b", 2.5, 3.0, True, (1, 2), (2, 1)]:
        hits.append((x in s, x not in s, x in fs))
print(hits[-9:])
# A set key stands for the equal frozenset; other unhashables raise
print({1, 2} in {frozenset({1, 2})}, {3} in {frozenset({1, 2})})
for _ in range(3):
    try:
        [1] in s
    except TypeError as e:
        print("TypeError:", e)


class Key:
    calls = 0

    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        Key.calls += 1
        return isinstance(other, Key) and self.v == other.v


ks = {Key(1), Key(2)}
for _ in range(3):
    print(Key(1) in ks, Key(5) in ks)
print("eq calls", Key.calls)


class BadHash:
    def __hash__(self):
        raise RuntimeError("no hash for you")


for _ in range(3):
    try:
        BadHash() in s
    except RuntimeError as e:
        print("RuntimeError:", e)

# A set subclass is not specialised but answers the same
class MySet(set):
    def __contains__(self, x):
        return "always"


ms = MySet([1])
for _ in range(3):
    print(5 in ms, 5 not in ms)

# Dict keys: equal ints and strs from different objects, 1 == 1.0 == True
d = {}
for w in ["ab" + str(i % 3) for i in range(9)]:
    d[w] = d.get(w, 0) + 1
print(d)
d2 = {1: "int"}
d2[1.0] = "float"
d2[True] = "bool"
print(d2, d2.get(10**20), {10**20: 1}.get(10**20), {-1: 1}.get(-1), {2**62: 1}[2**62])

# Sorting with native key comparisons: ints, strs, floats, tuples, mixed, errors
print(sorted([3, -1, 2**70, 2, -2**70, 0]))
print(sorted(["b", "a", "é", "\uffff", "\U00010000", "ab", ""]))
print(sorted([2.5, float("inf"), -0.0, 0.0, -1.5]))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1,), (1, "a", 0)]))
print(sorted([(1, 2.0), (1.0, 1), (True, 0)]))
recs = [(i % 3, "n" + str(i % 4), i) for i in range(12)]
print(sorted(recs, key=lambda r: (r[1], -r[0])))
print(sorted(recs, key=lambda r: r[2] % 5, reverse=True))
for bad in [[1, "a"], [(1, 2), (1, "a")], [None, None]]:
    try:
        sorted(bad)
    except TypeError as e:
        print("TypeError:", e)


class Lt:
    log = []

    def __init__(self, v):
        self.v = v

    def __lt__(self, other):
        Lt.log.append((self.v, other.v))
        return self.v < other.v

    def __eq__(self, other):
        Lt.log.append(("eq", self.v, other.v))
        return self.v == other.v


print([x[0].v for x in sorted([(Lt(3), 1), (Lt(1), 2), (Lt(2), 3)])])
print(Lt.log)


# Instances with inline values and with __slots__ free their attributes
class Holder:
    def __init__(self, tag):
        self.a = [tag]
        self.b = (tag, 2.5)
        self.c = {"tag": tag}


class Slotted:
    __slots__ = ("p", "q")

    def __init__(self, tag):
        self.p = Holder(tag)
        self.q = [tag] * 3


total = 0
for i in range(2000):
    h = Holder(i)
    sl = Slotted(i)
    total += h.a[0] + sl.p.b[0] + len(sl.q)
del h, sl
print("freed", total)

# A long chain of instances frees without native recursion
class Node:
    def __init__(self, nxt):
        self.nxt = nxt


head = None
for _ in range(100_000):
    head = Node(head)
del head
print("chain freed")

# str concatenation: ASCII fast path, non-ASCII, empty operands give the other one itself
a = "abc"
e = ""
for _ in range(3):
    print(a + e is a, e + a is a, a + "d", "é" + a, a + "€x", "x" + "y", len(e + e))


class S(str):
    pass


s = S("q")
print(type(s + ""), type("" + s), s + "" is s, "" + s is s, s + s)
w = ""
for i in range(5):
    w += "ab"[i % 2]
print(w, w == "abab" + "a")
for bad in ['"a" + 1', '1 + "a"']:
    try:
        eval(bad)
    except TypeError as ex:
        print("TypeError:", ex)
