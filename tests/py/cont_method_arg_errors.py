# argument-count and type errors of list, tuple, dict, int, float, range and slice methods and operators
cases = [
    lambda: [].append(), lambda: [].extend(), lambda: [].insert(), lambda: [].insert(1, 2, 3), lambda: [].pop(1, 2),
    lambda: [].remove(), lambda: [].index(), lambda: [].index(1, 2, 3, 4), lambda: [].count(1, 2), lambda: [].reverse(1),
    lambda: [].copy(1), lambda: [].clear(1), lambda: [1].index(1, "a"), lambda: [1].insert("a", 1), lambda: [].__getitem__(),
    lambda: ().index(), lambda: ().count(), lambda: (1,).index(1, 2, 3, 4), lambda: ().__getitem__("a"),
    lambda: {}.get(), lambda: {}.get(1, 2, 3), lambda: {}.pop(), lambda: {}.pop(1, 2, 3), lambda: {}.popitem(1),
    lambda: {}.setdefault(), lambda: {}.keys(1), lambda: {}.values(1), lambda: {}.items(1), lambda: {}.copy(1), lambda: {}.clear(1),
    lambda: dict.fromkeys(), lambda: dict.fromkeys(1), lambda: dict.fromkeys([1], 2, 3), lambda: {}.update(1, 2), lambda: {}.update([[1]]),
    lambda: (5).bit_length(1), lambda: (5).bit_count(1), lambda: (5).as_integer_ratio(1), lambda: (5).__round__(1, 2), lambda: (5).__round__("a"),
    lambda: (1.5).hex(1), lambda: float.fromhex(), lambda: float.fromhex(1), lambda: (1.5).__round__(1, 2), lambda: (1.5).__round__("a"),
    lambda: (1.5).is_integer(1), lambda: (1.5).as_integer_ratio(1),
    lambda: range(3).index(), lambda: range(3).count(), lambda: range(3).index("a"), lambda: slice(1).indices(), lambda: slice(1).indices("a"),
    lambda: slice("a").indices(3), lambda: [1, 2][slice("a", None)], lambda: range(5)[slice(None, None, 0)],
    lambda: list.append(1, 2), lambda: dict.get([], 1), lambda: [].sort(reverse="x"), lambda: [1, 2] * 2.5, lambda: (1,) * [1],
    lambda: [] + None, lambda: () + None, lambda: {} | None, lambda: [1] < None, lambda: {} < {},
    lambda: round(2.5, "x"), lambda: divmod(1, "a"), lambda: divmod("a", 1), lambda: pow(1, "a"), lambda: pow(1, 2, "a"), lambda: 1 << 1.5, lambda: 1.5 << 1,
    lambda: ~1.5, lambda: abs("a"), lambda: int("1", base=1.5), lambda: range(1, "a"), lambda: len(range(0, 2**64, 1)),
]
for i, f in enumerate(cases):
    try:
        r = f()
        print(i, "ok", repr(r))
    except Exception as e:
        print(i, type(e).__name__, e)
