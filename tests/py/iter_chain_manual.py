def chain(*its):
    for it in its:
        yield from it
def islice(it, n):
    it = iter(it)
    for _ in range(n):
        try:
            yield next(it)
        except StopIteration:
            return
def cycle(it):
    saved = list(it)
    while saved:
        yield from saved
print(list(chain("ab", [1, 2], range(2))), list(islice(cycle("xyz"), 7)), list(islice(chain(), 3)))
