class C:
    a = 1
c = C()
setattr(c, "b", 2)
print(getattr(c, "a"), getattr(c, "b"), getattr(c, "z", "dflt"), hasattr(c, "a"), hasattr(c, "zz"))
delattr(c, "b"); print(hasattr(c, "b"))
setattr(c, "with space", 3); print(getattr(c, "with space"), vars(c))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print(e)
class Raiser:
    @property
    def p(self):
        raise ValueError("from property")
try:
    hasattr(Raiser(), "p")
except ValueError as e:
    print("hasattr propagates", e)
