class Num:
    def __init__(self, v):
        self.v = v
    def __repr__(self):
        return f"Num({self.v})"
    def __sub__(self, o):
        return Num(self.v - (o.v if isinstance(o, Num) else o))
    def __rsub__(self, o):
        return Num(o - self.v)
    def __truediv__(self, o):
        return Num(self.v / o)
    def __rtruediv__(self, o):
        return Num(o / self.v)
    def __floordiv__(self, o):
        return Num(self.v // o)
    def __mod__(self, o):
        return Num(self.v % o)
    def __rmod__(self, o):
        return Num(o % self.v)
    def __pow__(self, o, mod=None):
        return Num(pow(self.v, o, mod))
    def __rpow__(self, o):
        return Num(o ** self.v)
    def __lshift__(self, o):
        return Num(self.v << o)
    def __rrshift__(self, o):
        return Num(o >> self.v)
    def __and__(self, o):
        return Num(self.v & o)
    def __ror__(self, o):
        return Num(o | self.v)
    def __xor__(self, o):
        return Num(self.v ^ o)
    def __invert__(self):
        return Num(~self.v)
    def __pos__(self):
        return Num(+self.v)
    def __divmod__(self, o):
        return (Num(self.v // o), Num(self.v % o))
    def __rdivmod__(self, o):
        return "rdivmod"
n = Num(10)
print(n - 3, 3 - n, n / 4, 20 / n, n // 3, n % 3, 25 % n, n ** 2, pow(n, 2, 7), 2 ** n, n << 2, 1024 >> n, n & 6, 5 | n, n ^ 3, ~n, +n, divmod(n, 3), divmod(3, n))
