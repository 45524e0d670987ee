d = {1: "int", 1.5: "float", "s": "str", (1, 2): "tuple", None: "none", frozenset({1}): "fs", b"b": "bytes", True: "bool replaces int"}
print(d, len(d))
print(d[1.0], d[(1, 2)], d[frozenset([1])], d[None])
