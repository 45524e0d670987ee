# Dict storage: growth, deletion holes, compaction, clear, popitem, copies and lookups whose
# __eq__ mutates the dict (the lookup restarts on the new storage).
d = {}
for i in range(200):
    d[i] = i * i
print(len(d), d[0], d[199], list(d)[:5], list(d)[-3:])
for i in range(0, 200, 3):
    del d[i]
print(len(d), list(d)[:6], sum(d.values()))
for i in range(1000, 1300):
    d[i] = -i
print(len(d), list(d)[:4], list(d)[-2:], d.get(999), d.get(1299))
print(d.popitem(), d.popitem(), len(d))
d.clear()
print(d, len(d), d.get(1))
d["a"] = 1
print(d)

# Keys deleted and inserted again go to the end (insertion order).
e = dict.fromkeys("abcdef", 0)
del e["b"], e["d"]
e["b"] = 2
print(list(e.items()))

# Copies, merges and comparisons after many holes.
f = {k: k for k in range(50)}
for k in range(0, 50, 2):
    del f[k]
g = dict(f)
h = {**f, 100: 100}
print(g == f, len(h), list(h)[-1], f.copy() == g)

# Equal but not identical keys: strings built at run time, big and small ints, floats.
s = {}
for i in range(30):
    s["k" + str(i)] = i
print(s["k" + "7"], s.get("k" + "29"), ("k" + "30") in s)
n = {10**20: "big", 5: "small", 2.0: "two"}
print(n[10**20], n[5], n[2], n.get(2.5))

class K:
    def __init__(self, v, d=None):
        self.v, self.d = v, d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        if self.d is not None:
            for i in range(20):
                self.d[("grow", i)] = i
            self.d = None
        return isinstance(other, K) and self.v == other.v
    def __repr__(self):
        return f"K({self.v})"

m = {K(1): "one"}
mutator = K(2)
m[mutator] = "two"
mutator.d = m
print(m.get(K(2)), len(m), list(m)[:3])
print(m[K(1)], K(3) in m)

# A mutation during an update of another dict from this one.
class Evil:
    def __init__(self, victim):
        self.victim = victim
    def __hash__(self):
        return 1
    def __eq__(self, other):
        self.victim.clear()
        return False
victim = {}
src = {Evil(victim): 1, 2: 2}
victim.update(src)
print(len(victim))
try:
    target = {Evil(src): 0}
    target.update(src)
except RuntimeError as exc:
    print("RuntimeError:", exc)
print(sorted(map(str, target.values())), len(src))

# setdefault and pop on a dict that is resized in between.
sd = {}
for i in range(12):
    sd.setdefault(i % 7, []).append(i)
print(sd)
print(sd.pop(3), sd.pop(99, "missing"), len(sd))
try:
    sd.pop(99)
except KeyError as exc:
    print("KeyError", exc)
try:
    {}.popitem()
except KeyError as exc:
    print("KeyError", exc)
