# set operations and comparisons of dict key and item views with sets
d = {"a": 1, "b": 2, "c": 3, "d": 4}
k, it = d.keys(), d.items()
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "q"}))
print(sorted(it & {("a", 1)}), sorted(it - {("a", 1), ("b", 2)}), type(k & set()).__name__)
print(k == {"a", "b", "c", "d"}, k != {"a"}, k <= {"a", "b", "c", "d", "e"}, k < k, k >= {"a"}, {"a"} < k)
print(sorted(k & ["a", "b", "x"]), sorted(["x", "a"] & k), k.isdisjoint({"x"}))
