def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, x in enumerate(items):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [x] + rest
perms = list(permutations([1, 2, 3, 4]))
print(len(perms), perms[:5], perms[-1])
def combinations(items, k):
    if k == 0:
        yield ()
        return
    for i in range(len(items)):
        for c in combinations(items[i + 1:], k - 1):
            yield (items[i],) + c
print(list(combinations("abcd", 2)), sum(1 for _ in combinations(range(10), 3)))
