class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = Point(1, 2)
p.z = 3
print(p.x, p.y, p.z, vars(p))
del p.y
print(vars(p), hasattr(p, "y"))
try:
    p.y
except AttributeError as e:
    print(e)
try:
    del p.y
except AttributeError as e:
    print(e)
setattr(p, "w", 9); print(getattr(p, "w"), getattr(p, "missing", None))
try:
    getattr(p, 5)
except TypeError as e:
    print(e)
