calls = []
def key(x):
    calls.append(x)
    return -x
data = [5, 3, 8, 1, 9, 2]
print(sorted(data, key=key), len(calls), calls)
