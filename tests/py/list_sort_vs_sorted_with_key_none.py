a = [3, 1, 2]
print(sorted(a, key=None), sorted(a, key=None, reverse=True))
a.sort(key=None)
print(a)
try:
    sorted(a, None)
except TypeError as e:
    print(e)
