# Set operations whose key comparison, hashing or element destruction runs Python code that
# mutates the same set: probes restart on a changed table, never read through a stale borrow.


class Key:
    def __init__(self, name, h=7):
        self.name = name
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        if not isinstance(other, Key):
            return NotImplemented
        return self.name == other.name

    def __repr__(self):
        return f"Key({self.name})"


class ClearOnEq:
    def __init__(self, s, h=7):
        self.s = s
        self.h = h
        self.calls = 0

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        self.calls += 1
        self.s.clear()
        return False


s = {Key("a"), Key("b")}
p = ClearOnEq(s)
print("contains:", p in s, len(s), p.calls)
s = {Key("a"), Key("b")}
s.add(ClearOnEq(s))
print("add:", len(s), [type(x).__name__ for x in s])
s = {Key("a")}
s.discard(ClearOnEq(s))
print("discard:", len(s))
s = {Key("a")}
try:
    s.remove(ClearOnEq(s))
except KeyError as e:
    print("remove KeyError", type(e.args[0]).__name__, len(s))


class GrowOnEq:
    def __init__(self, s):
        self.s = s
        self.done = False

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if not self.done:
            self.done = True
            self.s.update(range(100))
        return False


s = {Key("a")}
g = GrowOnEq(s)
print("grow contains:", g in s, len(s))
s = {Key("a")}
s.add(GrowOnEq(s))
print("grow add:", len(s))


class HashMutates:
    def __init__(self, s):
        self.s = s

    def __hash__(self):
        self.s.clear()
        self.s.add("x")
        return 11


s = set(range(30))
s.add(HashMutates(s))
print("hash mutates:", len(s), sorted(type(x).__name__ for x in s))


# an element's __del__ mutates the set it is removed from
class DelMutates:
    def __init__(self, s, tag):
        self.s = s
        self.tag = tag

    def __del__(self):
        self.s.add(f"from_del_{self.tag}")
        self.s.discard("victim")


s = {"victim"}
s.add(DelMutates(s, 1))
for x in list(s):
    if isinstance(x, DelMutates):
        x = None
        s.discard(next(y for y in s if isinstance(y, DelMutates)))
print("discard:", sorted(s))
s = {"victim"}
s.add(DelMutates(s, 2))
s.clear()
print("clear:", sorted(s))
s = {"victim"}
s.add(DelMutates(s, 3))
s.difference_update({x for x in s if isinstance(x, DelMutates)})
print("difference_update:", sorted(s))
s = {"victim"}
s.add(DelMutates(s, 4))
s.intersection_update({"victim"})
print("intersection_update:", sorted(s))
s = set()
s.add(DelMutates(s, 5))
s.pop()
print("pop:", sorted(s))


# operations between two sets where comparisons mutate one of them
class ClearOther:
    def __init__(self, other, h):
        self.other = other
        self.h = h

    def __hash__(self):
        return self.h

    def __eq__(self, o):
        self.other.clear()
        return False


def pair():
    b = {Key("p", 3), Key("q", 4)}
    return {ClearOther(b, 3), ClearOther(b, 4)}, b


a, b = pair()
print("intersection:", len(a & b), len(b))
a, b = pair()
print("rintersection:", len(b & a), len(b))
a, b = pair()
print("difference:", len(a - b), len(b))
a, b = pair()
print("issubset:", a <= b, len(b))
a, b = pair()
print("isdisjoint:", a.isdisjoint(b), len(b))
a, b = pair()
a.symmetric_difference_update(b)
print("symmetric_difference_update:", len(a), len(b))
a, b = pair()
a.difference_update(b)
print("difference_update:", len(a), len(b))
a, b = pair()
print("eq:", a == b, len(b))

# iteration notices a size change made by a callback
s = {Key("a", 5), Key("b", 6)}
try:
    for x in s:
        s.add(Key(x.name + "!", 8))
except RuntimeError as e:
    print("iteration:", e)

# frozenset hash stays the same after element comparisons ran code
f1 = frozenset([Key("a"), Key("b")])
print("frozenset hash stable:", hash(f1) == hash(f1))


# a dict's or set's stored hashes are reused (no `__hash__` runs) when a set is made from a
# dict, a set is updated from one, and dict.fromkeys reads a dict, set or frozenset
class HashCountingInt(int):
    def __init__(self, *args):
        self.hash_count = 0

    def __hash__(self):
        self.hash_count += 1
        return int.__hash__(self)


d = dict.fromkeys(map(HashCountingInt, range(10)))
count = lambda: sum(e.hash_count for e in d)
print("made:", count())
s = set(d)
print("set(dict):", count())
f = frozenset(d)
print("frozenset(dict):", count())
s.difference(d)
print("difference:", count())
s.symmetric_difference_update(d)
print("symmetric_difference_update:", count(), len(s))
s.update(d)
print("update:", count(), len(s))
d2 = dict.fromkeys(set(d))
print("fromkeys(set):", count())
d3 = dict.fromkeys(frozenset(d), 123)
print("fromkeys(frozenset):", count(), d3 == dict.fromkeys(d, 123))
print("fromkeys(dict):", count())
print("done")
