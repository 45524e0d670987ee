values = [3, "4", 5]
def total(vs):
    return sum(vs)
print(total(values[:1]))
print(total(values))
