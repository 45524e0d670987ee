# set and frozenset: construction, repr, iteration order for ints, methods
s = {5, 3, 1, 8}
print(s, len(s), type(s).__name__)
print(set(), frozenset(), frozenset([3, 1, 2]), set("a"))
print({17, 9, 1}, {1, 9, 17}, {-1, -2, 100, 1000, 7})
print(set(range(20)))
print(set(range(100, 0, -7)))
t = set()
for i in [40, 8, 16, 24, 32, 0]:
    t.add(i)
print(t)
t.discard(8)
t.add(48)
print(t)
print(t.pop(), t.pop(), t)
t.clear()
print(t, len(t))
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, a ^ b)
print(a.union(b, [7, 8]), a.intersection(b, {4}), a.difference(b, [1]), a.symmetric_difference([4, 5, 9]))
print(a.issubset(range(10)), a.issuperset([1, 2]), a.isdisjoint([9]), a.isdisjoint(b))
print(a < b, a <= a, a == {4, 3, 2, 1}, a != b, {1} < a, a > {1}, a >= {1, 5})
c = set(a)
c |= {10}
print(c)
c &= {1, 2, 10, 11}
print(c)
c -= {1}
print(c)
c ^= {2, 3}
print(c)
c.update([20, 21], (22,))
c.difference_update([20], [21])
c.intersection_update([10, 22, 3, 99])
c.symmetric_difference_update([3, 4])
print(c)
print(3 in a, 9 in a, 9 not in a, frozenset([1]) in {frozenset([1])}, {1} in {frozenset([1])})
f = frozenset([1, 2])
print(f | {3}, {3} | f, f & {1}, type(f - {1}).__name__, type({1} - f).__name__)
print(f.copy() is f, hash(f) == hash(frozenset([2, 1])), hash(frozenset()))
print(hash(frozenset({1, 2, 3})), hash(frozenset(range(50))))
print({x * 2 for x in range(6)}, {*a, *b}, {*[], 1})
print(sorted({"b", "a", "c"}), len({"x", "x", "y"}))
print(set([1, 1.0, True]), {0, False, 0.0})
print(set({1: 2, 3: 4}), frozenset({9: 0}))
print(list(iter({3, 1, 2})), sum({1, 2, 3}), max({4, 9, 2}), sorted({3, 1, 2}, reverse=True))
print([x in {1, 2, 3} for x in []])
for x in [1, 5]:
    print(x in {1, 2, 3}, x not in {1, 2})
class S(set):
    pass
s2 = S([1, 2])
print(s2, S(), type(s2 | {3}).__name__, isinstance(s2, set))
class F(frozenset):
    pass
print(F([1]), F(), F() == frozenset())
print(repr({None, (1, 2)} == {(1, 2), None}))
print(set.union({1}, {2}), frozenset.union(frozenset(), [5]))
class A:
    def __repr__(self):
        return "A:" + repr(s)
s = set()
s.add(A())
print(s)
class FS(frozenset):
    pass
class B:
    def __repr__(self):
        return "B:" + repr(f)
b = B()
f = FS([b])
print(repr(f))
