for s in [slice(None), slice(2, None), slice(None, -2), slice(-100, 100), slice(None, None, -2), slice(5, 0, -1), slice(0, 10, 3)]:
    print(s, s.indices(7), list(range(7))[s], "abcdefg"[s])
print(slice(1, 2, 3) == slice(1, 2, 3), hash(slice(1, 2)) == hash(slice(1, 2)) if True else None)
