config = {"db": {"host": "x", "port": 1}, "debug": False}
override = {"db": {"port": 2}, "debug": True, "new": [1]}
def merge(a, b):
    out = dict(a)
    for k, v in b.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = merge(out[k], v)
        else:
            out[k] = v
    return out
print(merge(config, override), config)
print({**config, **override})
