_MISSING = object()
def get(d, key, default=_MISSING):
    if key in d:
        return d[key]
    if default is _MISSING:
        raise KeyError(key)
    return default
print(get({"a": None}, "a"), get({}, "b", None), get({}, "c", 0))
try:
    get({}, "z")
except KeyError as e:
    print("KeyError", e)
print([x for x in [0, None, "", None, False] if x is not None])
