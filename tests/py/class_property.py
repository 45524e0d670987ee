class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        """Celsius degrees."""
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("too cold")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def ro(self):
        return "read-only"
t = Temp()
t.celsius = 25
print(t.celsius, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print(e)
del t.celsius
print(t.celsius)
try:
    t.ro = 1
except AttributeError as e:
    print(e)
try:
    del t.ro
except AttributeError as e:
    print(e)
p = property(lambda self: 7)
class Q:
    x = p
print(Q().x, p.fget is not None, p.fset)
