print(sorted([3, 1, 2]), sorted("cab", reverse=True), list(reversed([1, 2])), list(zip("ab", [1, 2], (True, False))))
print(sorted({"b": 1, "a": 2}.items(), key=lambda kv: kv[1]), list(zip(*zip([1, 2], [3, 4]))))
try:
    sorted([1], key=1)
except TypeError as e:
    print(e)
