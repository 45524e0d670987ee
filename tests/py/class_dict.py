class C:
    cls_attr = 1
    def __init__(self):
        self.a = 1
        self.b = 2
c = C()
print(c.__dict__, vars(c), "cls_attr" in C.__dict__, type(C.__dict__).__name__)
c.__dict__["z"] = 26
print(c.z)
c.__dict__ = {"new": 1}
print(c.new, hasattr(c, "a"))
try:
    C.__dict__["x"] = 1
except TypeError as e:
    print(e)
C.added = 5
print(c.added, sorted(k for k in vars(C) if not k.startswith("__")))
del C.added
print(hasattr(c, "added"))
