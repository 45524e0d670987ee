a = [3, 2, 1]
try:
    a.sort(key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print(e, a)
b = [1, "x", 2]
try:
    b.sort()
except TypeError as e:
    print(e, sorted(b, key=str))
