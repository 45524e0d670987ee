words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
a = [5, 2, 9, 1, 5, 6]
a.sort(reverse=True); print(a)
a.sort(key=lambda x: (x % 3, -x)); print(a)
print(sorted("hello world"), sorted({3: 0, 1: 0}), sorted((3, 1, 2), reverse=True), sorted([]))
print(sorted([3.5, -1, 2, 0.0, -0.0, 1e10]), sorted([[2, 1], [1, 2], [1]]), sorted([(1, "b"), (1, "a")]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print(e)
