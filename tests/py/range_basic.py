r = range(2, 20, 3)
print(r, list(r), len(r), r[0], r[-1], r[1:3], r[::-1], 8 in r, 9 in r, r.index(11), r.count(5))
print(range(5), range(0), list(range(5, 0, -1)), list(range(0, -10, -3)), len(range(10, 0)), range(3) == range(0, 3, 1))
print(range(0, 3, 2) == range(0, 4, 2), hash(range(3)) == hash(range(0, 3)), bool(range(0)), reversed(range(3)).__class__.__name__)
print(range(10 ** 20)[10 ** 19], len(range(0, 10 ** 18, 7)), range(-5, 5)[-3])
try:
    range(0, 10, 0)
except ValueError as e:
    print(e)
try:
    range(3)[5]
except IndexError as e:
    print(e)
try:
    range(1.5)
except TypeError as e:
    print(e)
try:
    len(range(2 ** 64))
except OverflowError as e:
    print(e)
