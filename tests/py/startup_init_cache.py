# cls(...) specialised to enter __init__ directly finds the class's current __init__ after
# every kind of change to the class or its bases.
class Base:
    def __init__(self, x):
        self.x = ("base", x)
class C(Base):
    count = 0
    def __init__(self, x):
        C.count += 1          # a class write in __init__ takes the version tag away each call
        self.x = ("C", x)
class D(Base):
    pass
def make(cls, n):
    return [cls(i).x for i in range(n)][-1]
print(make(C, 40), C.count)
print(make(D, 40))
def other(self, x):
    self.x = ("other", x)
C.__init__ = other
print(make(C, 5))
Base.__init__ = other
print(make(D, 5))
del C.__init__
print(make(C, 5))
D.__init__ = lambda self, x: setattr(self, "x", ("lambda", x))
print(make(D, 5))
del D.__init__
def two(self, x, y=0):
    self.x = ("two", x, y)
Base.__init__ = two
print(make(D, 5))
class E(Base):
    def __init__(self, x):
        self.x = ("E", x)
print(make(E, 40))
class Other:
    def __init__(self, x):
        self.x = ("Other", x)
class G(Base):
    pass
print(make(G, 40))
G.__bases__ = (Other,)
print(make(G, 5))
try:
    G()
except TypeError as e:
    print("TypeError", e)
class F:
    def __init__(self, x):
        self.x = x
        return None
print(make(F, 40))
F.__init__ = lambda self, x: 5
try:
    F(1)
except TypeError as e:
    print("TypeError", e)
