class Num:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return int(self.v)
    def __int__(self):
        return int(self.v) + 1000
    def __float__(self):
        return self.v / 2
    def __complex__(self):
        return complex(self.v, 1)
    def __round__(self, n=None):
        return "round"
    def __trunc__(self):
        return "trunc"
    def __floor__(self):
        return "floor"
    def __ceil__(self):
        return "ceil"
n = Num(7)
print(int(n), float(n), complex(n), round(n), bin(n), [1, 2, 3, 4, 5, 6, 7, 8][n], "abcdefgh"[n:], range(n))
