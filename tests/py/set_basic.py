s = {3, 1, 2}
s.add(5); s.discard(10); s.remove(1)
print(sorted(s), len(s), 2 in s, 9 not in s, s == {2, 3, 5}, set(), frozenset(), {1, 2} == frozenset([1, 2]))
a, b = {1, 2, 3, 4}, {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < b, a >= {1}, a.isdisjoint({9}))
print(a.union([7]), a.intersection(b, {4}), a.difference([1], [2]), a.symmetric_difference(range(3, 6)))
a |= {10}; a &= {1, 2, 10}; a -= {1}; a ^= {99}; print(a)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError", e)
