def compute(values, scale):
    return values["a"] * scale + values["b"] / scale
print(compute({"a": 1, "b": 2}, 2))
print(compute({"a": 1, "b": 2}, 0))
