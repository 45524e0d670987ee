def fmt(v):
    return "%5.2f" % v
def row(values):
    return " ".join(fmt(v) for v in values)
def table(rows):
    return "\n".join(row(r) for r in rows)
print(table([[1, 2.5], [3, 4]]))
print(table([[1, "x"]]))
