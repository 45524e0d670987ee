class Frozen:
    def __setattr__(self, k, v):
        raise AttributeError(f"cannot set {k}")
f = Frozen()
try:
    f.x = 1
except AttributeError as e:
    print(e)
object.__setattr__(f, "x", 1)
print(f.x)
try:
    setattr(1, "real", 5)
except AttributeError as e:
    print(e)
try:
    setattr(list, "x", 5)
except TypeError as e:
    print(e)
