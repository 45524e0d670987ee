big = range(0, 10 ** 30, 7)
print(big.__len__ is not None, big[-1], big[10 ** 20], 10 ** 29 in big, 7 * 10 ** 28 in big, big.index(7 * 10 ** 20), big[5:8], range(-(10 ** 20), 10 ** 20)[10 ** 20])
try:
    len(range(2 ** 100))
except OverflowError as e:
    print(e)
print(range(2 ** 100).__len__ if False else "len-overflow", bool(range(2 ** 100)), range(2 ** 100)[-1] == 2 ** 100 - 1)
