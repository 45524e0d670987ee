class C(object):
    def __floordiv__(self, other):
        return "C.__floordiv__"
    def __rfloordiv__(self, other):
        return "C.__rfloordiv__"
class D(C):
    def __floordiv__(self, other):
        return "D.__floordiv__"
    def __rfloordiv__(self, other):
        return "D.__rfloordiv__"
print(D() // C())
print(C() // D())
class E(C):
    pass
print(E() // C(), C() // E())
class B(int):
    def __floordiv__(self, other):
        return "B.__floordiv__"
    def __rfloordiv__(self, other):
        return "B.__rfloordiv__"
print(B(1) // 1, 1 // B(1))
class I(int):
    def __repr__(self):
        return "I(%r)" % int(self)
    def __add__(self, other):
        return I(int(self) + int(other))
    __radd__ = __add__
    def __pow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(self), int(other)))
        else:
            return I(pow(int(self), int(other), int(mod)))
    def __rpow__(self, other, mod=None):
        if mod is None:
            return I(pow(int(other), int(self), mod))
        else:
            return I(pow(int(other), int(self), int(mod)))
print(repr(I(1) + I(2)), repr(I(1) + 2), repr(1 + I(2)))
print(repr(I(2) ** I(3)), repr(2 ** I(3)), repr(I(2) ** 3))
print(repr(pow(I(2), I(3), I(5))))
print(pow(2,10,7), pow(True, 3, 5), pow(-2, -1, 7))
class J(int): pass
print(pow(J(3), 2, 5))
try: pow(2.0, 3, 5)
except TypeError as e: print(e)
