nested = [[1, 2], [3], [], [4, 5, 6]]
print(sum(nested, []), [x for sub in nested for x in sub], list(__import__("sys").version_info[:0]) + [] if False else "skip")
def flatten(x):
    for e in x:
        if isinstance(e, list):
            yield from flatten(e)
        else:
            yield e
print(list(flatten([1, [2, [3, [4, [5]]]], 6])))
