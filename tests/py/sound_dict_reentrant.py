# Dict operations whose key comparison, hashing or value destruction runs Python code that
# mutates the same dict: the table must be re-read after each callback (CPython restarts the
# lookup), never used through a stale borrow.
import _weakref
import gc


class ClearOnEq:
    def __init__(self, d, h=7):
        self.d = d
        self.h = h
        self.calls = 0

    def __hash__(self):
        return self.h

    def __eq__(self, other):
        self.calls += 1
        self.d.clear()
        return False


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


# lookup: __eq__ empties the dict
d = {}
d[Key("a")] = 1
probe = ClearOnEq(d)
print("lookup:", d.get(probe), len(d), probe.calls)
d[Key("a")] = 1
probe = ClearOnEq(d)
print("in:", probe in d, len(d))
d[Key("a")] = 1
try:
    d[ClearOnEq(d)]
except KeyError as e:
    print("getitem KeyError", type(e.args[0]).__name__, len(d))

# insert: __eq__ empties the dict while the new key is being placed
d = {Key("a"): 1, Key("b"): 2}
k = ClearOnEq(d)
d[k] = 3
print("insert:", len(d), list(d.values()))

# delete: __eq__ empties the dict during the probe of del / pop
d = {Key("a"): 1}
try:
    del d[ClearOnEq(d)]
except KeyError:
    print("del KeyError", len(d))
d = {Key("a"): 1}
print("pop default:", d.pop(ClearOnEq(d), "dflt"), len(d))


# __eq__ that grows the dict (forces a resize) during a lookup
class GrowOnEq:
    def __init__(self, d):
        self.d = d
        self.done = False

    def __hash__(self):
        return 7

    def __eq__(self, other):
        if not self.done:
            self.done = True
            for i in range(100):
                self.d[i] = i
        return False


d = {Key("a"): 1}
g = GrowOnEq(d)
print("grow lookup:", d.get(g, "missing"), len(d))
d = {Key("a"): 1}
g = GrowOnEq(d)
d[g] = "g"
print("grow insert:", len(d), d[g])


# __hash__ that mutates the dict before the insertion probes
class HashMutates:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        self.d.clear()
        self.d["x"] = 1
        return 11

    def __eq__(self, other):
        return self is other


d = {i: i for i in range(20)}
h = HashMutates(d)
d[h] = "h"
print("hash mutates:", len(d), [type(k).__name__ for k in d], list(d.values()))


# a value's __del__ mutates the dict when the value is replaced or removed
class DelMutates:
    def __init__(self, d, tag):
        self.d = d
        self.tag = tag

    def __del__(self):
        self.d[f"from_del_{self.tag}"] = self.tag
        self.d.pop("victim", None)


d = {"victim": 0}
d["v"] = DelMutates(d, 1)
d["v"] = "replaced"
print("replace:", sorted(d.items()))
d = {"victim": 0}
d["v"] = DelMutates(d, 2)
del d["v"]
print("del:", sorted(d.items()))
d = {"victim": 0}
d["v"] = DelMutates(d, 3)
print("pop:", d.pop("v") is not None, sorted(d.items()))
d = {"victim": 0, "v": DelMutates(None, 4)}
d["v"].d = d
d.clear()
print("clear:", sorted(d.items()))
d = {"victim": 0}
d["v"] = DelMutates(d, 5)
print("popitem:", d.popitem()[0], sorted(d.items()))
d = {"victim": 0}
d["v"] = DelMutates(d, 6)
d.update(v="by update")
print("update:", sorted(d.items()))
d = {"victim": 0}
d["v"] = DelMutates(d, 7)
d |= {"v": "by ior"}
print("ior:", sorted(d.items()))


# a weakref callback mutates the dict while an entry is being deleted
class Target:
    pass


d = {}
t = Target()
d["t"] = t
d["other"] = 1
cb_calls = []
r = _weakref.ref(t, lambda ref: (cb_calls.append(1), d.clear(), d.update(after=True)))
del t
del d["t"]
gc.collect()
print("weakref cb:", cb_calls, sorted(d.items()))


# iteration notices mutation by callbacks
class IterEq:
    def __init__(self, d):
        self.d = d

    def __hash__(self):
        return 5

    def __eq__(self, other):
        self.d["new"] = 1
        return False


d = {Key("a", 5): 1, "b": 2}
try:
    for key in d:
        d.get(IterEq(d))
except RuntimeError as e:
    print("iteration:", e)


# dict == dict where value comparison mutates the other dict
class ValEq:
    def __init__(self, other):
        self.other = other

    def __eq__(self, o):
        self.other.clear()
        return True


a = {}
b = {"k": 1}
a["k"] = ValEq(b)
print("dict eq:", a == b, len(b))


# repr of a value that empties the dict being printed
class ReprClears:
    def __init__(self, d):
        self.d = d

    def __repr__(self):
        self.d.clear()
        return "RC"


d = {1: 2}
d[3] = ReprClears(d)
d[4] = 5
try:
    print("repr:", repr(d))
except RuntimeError as e:
    print("repr RuntimeError:", e)


# setdefault and get with a key whose __eq__ deletes the matching entry
class DeleteOnEq:
    def __init__(self, d, name):
        self.d = d
        self.name = name

    def __hash__(self):
        return 9

    def __eq__(self, other):
        self.d.pop(other, None)
        return True


d = {}
d[Key("x", 9)] = "x"
print("setdefault:", d.setdefault(DeleteOnEq(d, "y"), "dflt"), len(d))
d = {}
d[Key("x", 9)] = "x"
print("get after delete-on-eq:", d.get(DeleteOnEq(d, "y"), "none"), len(d))

# fromkeys / copy / keys views around mutation
d = dict.fromkeys([Key("a"), Key("b"), Key("c")], 0)
print("fromkeys:", sorted(k.name for k in d))


# merging a dict whose entries' __eq__ mutate the source: CPython walks the source live and
# reports the change of size
class ClearSource:
    def __hash__(self):
        return 0

    def __eq__(self, o):
        source.clear()
        return False


def fresh():
    global source
    source = dict((i, 0) for i in range(1, 50))
    source[ClearSource()] = 0
    return {ClearSource(): 0, 1: 1}


for label, op in [
    ("update", lambda d: d.update(source)),
    ("ior", lambda d: d.__ior__(source)),
    ("or", lambda d: d | source),
    ("unpack", lambda d: {**d, **source}),
    ("dict(d, **)", lambda d: dict(d).update(source)),
]:
    d = fresh()
    try:
        op(d)
        print(label, "no error", len(source))
    except RuntimeError as e:
        print(label, "RuntimeError:", e, len(source))


# setdefault hashes and compares once (CPython issue 13521)
class Counted:
    def __init__(self):
        self.hashes = 0
        self.eqs = 0

    def __hash__(self):
        self.hashes += 1
        return 42

    def __eq__(self, other):
        self.eqs += 1
        return self is other


c1, c2 = Counted(), Counted()
d = {c1: 5}
print("setdefault counts:", d.setdefault(c2, []), c1.hashes, c2.hashes, c1.eqs + c2.eqs)
print("setdefault existing:", d.setdefault(c1, "x"), c1.hashes, c1.eqs)
print("done")
