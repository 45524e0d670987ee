print([1, "two", 3.0, [4, (5, {6: "seven"})], None, True, b"eight", {9}, frozenset(), range(2), 1j])
print(str([[[]]]), repr(["'", '"', "\\"]))
