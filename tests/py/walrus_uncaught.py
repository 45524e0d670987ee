def first_positive(values):
    if (found := next(v for v in values if v > 0)) is not None:
        return found
print(first_positive([-1, 2]))
print(first_positive([-1, -2]))
