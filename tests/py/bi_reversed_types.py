# reversed() of ranges (range_iterator), lists (list_reverseiterator), tuples and strings
for r in [range(5), range(10, 0, -3), range(0), range(2, 3), range(-5, 5, 2), range(2**62, 2**63 - 1, 2**61)]:
    it = reversed(r)
    print(type(it).__name__, list(it))
l = [1, 2, 3]
it = reversed(l)
print(type(it).__name__, next(it), it.__length_hint__())
l.clear()
print(list(it))
print(type(reversed((1, 2))).__name__, type(reversed("ab")).__name__)
