print(sorted({x % 4 for x in range(20)}), {x: x ** 2 for x in range(5)}, {k: v for k, v in zip("abc", range(3)) if v})
print({v: k for k, v in {"a": 1, "b": 2, "c": 1}.items()}, {(i, j) for i in range(2) for j in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
words = ["Apple", "avocado", "Banana", "blueberry", "cherry"]
print({w[0].lower(): [x for x in words if x[0].lower() == w[0].lower()] for w in words})
