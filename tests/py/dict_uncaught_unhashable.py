cache = {}
def remember(key, value):
    cache[key] = value
remember(("a", 1), "ok")
print(cache)
remember(["a", 1], "bad")
