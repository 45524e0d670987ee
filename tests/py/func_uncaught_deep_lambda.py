ops = {"inc": lambda v: v + 1, "half": lambda v: v / (v - v)}
def apply(name, value):
    return ops[name](value)
print(apply("inc", 1))
print(apply("half", 4))
