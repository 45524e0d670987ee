a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, {**a, **b}, dict(a, **b))
a |= b; print(a)
a |= [("w", 0)]; print(a)
try:
    a | [("q", 1)]
except TypeError as e:
    print(e)
print({1: "a", True: "b", 1.0: "c"}, {(1, 2): 3}, {None: 0})
