nan = float("nan")
data = [3, nan, 1, 2]
print(sorted(data))
print(sorted([nan, 5, 1]))
print(sorted([None]))
try:
    sorted([None, 1])
except TypeError as e:
    print(e)
print(sorted([x for x in data if x == x]))
print(sorted(["b", "A", "a", "B"], key=lambda s: (s.lower(), s)))
