print(range(0) == range(5, 2), range(0, 5, 2) == range(0, 6, 2), range(1) == range(0, 1, 3), hash(range(0)) == hash(range(3, 3)))
print(range(3) == [0, 1, 2], list(range(3)) == [0, 1, 2], range(3) in [range(0, 3)], {range(2): 1}[range(0, 2)])
