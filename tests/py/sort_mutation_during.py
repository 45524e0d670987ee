a = [3, 1, 2]
def key(x):
    a.append(x)
    return x
try:
    a.sort(key=key)
except ValueError as e:
    print(e)
print(a)
b = [5, 4, 3]
def bad_key(x):
    if x == 4:
        raise KeyError("in key")
    return x
try:
    b.sort(key=bad_key)
except KeyError as e:
    print("KeyError", e)
print(b)
