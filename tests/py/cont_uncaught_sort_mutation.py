# list.sort detects a key function that mutates the list: uncaught ValueError
data = [3, 1, 2]
def key(x):
    data.append(x)
    return x
print(sorted([2, 1], key=lambda v: -v))
data.sort(key=key)
print("unreachable")
