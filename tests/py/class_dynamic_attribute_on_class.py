class C:
    pass
C.x = 1
C.method = lambda self: self.x + 1
c = C()
print(c.x, c.method())
setattr(C, "y", 2)
print(c.y, vars(C).get("y"))
del C.x
try:
    c.x
except AttributeError as e:
    print(e)
C.__repr__ = lambda self: "patched repr"
print(c, [c])
