def zip_longest(*its, fill=None):
    its = [iter(i) for i in its]
    while True:
        row, alive = [], False
        for it in its:
            try:
                row.append(next(it))
                alive = True
            except StopIteration:
                row.append(fill)
        if not alive:
            return
        yield tuple(row)
print(list(zip_longest("abc", [1], (True, False), fill="-")))
