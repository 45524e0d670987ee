def f():
    raise KeyError("k")
try:
    f()
except KeyError as e:
    raise RuntimeError("wrapped") from e
