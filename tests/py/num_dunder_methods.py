# int and float dunder methods (slot wrappers), reflected forms, and super() in subclasses
print(int.__add__(1, 2), (5).__rsub__(10), (3).__mul__([1]), (2).__pow__(10, 1000), (2).__rpow__(3), (7).__divmod__(2), (7).__rdivmod__(20))
print((1.5).__add__(1), (1.5).__radd__(2), (1.5).__rtruediv__(3), (2.0).__pow__(3), (7.5).__divmod__(2), (1.5).__mul__("a"))
print((3).__lt__(4), (3).__eq__(3.0), (3).__eq__("3"), (2.5).__ge__(2), (5).__hash__(), (0.5).__hash__(), (0).__bool__(), (-3).__abs__(), (5).__invert__(), (2.5).__neg__())
class M(int):
    def __add__(self, o):
        return M(super().__add__(o) * 10)
print(M(2) + 3, type(M(2) + 3).__name__, M(4) - 1)
class F(float):
    def __mul__(self, o):
        return "F" + str(super().__mul__(o))
print(F(1.5) * 2, F(2.0) + 1)
try:
    (2.0).__pow__(2, 3)
except TypeError as e:
    print(e)
print((2).__pow__(2.0, 5), (5).__pow__(2, None))
