s = frozenset("abc")
print(s.copy() is s, s.intersection() is s, s.union() is s, s.difference() is s, s.symmetric_difference(()) is s)
class FS(frozenset): pass
f = FS("ab")
print(f.copy() is f, type(f.copy()).__name__, f.intersection() is f, type(f.union()).__name__)
t = set("ab"); print(t.intersection() is t, t.copy() is t)
