x = 10
x += 5; x -= 3; x *= 2; x //= 5; x **= 3; x %= 50; x <<= 2; x >>= 1; x |= 1; x &= 0xff; x ^= 0b1010
print(x)
f = 7.0
f /= 2; f -= 0.5; f **= 2
print(f)
s = "ab"; s += "c"; s *= 2
print(s)
l = [1]; l2 = l; l += [2]; print(l, l2, l is l2)
t = (1,); t2 = t; t += (2,); print(t, t2, t is t2)
class Acc:
    def __init__(self):
        self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc(); a += 5; a += 6; print(a.v)
d = {"k": 1}; d["k"] += 10; print(d)
class NoIadd:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoIadd(self.v + o)
n = NoIadd(1); m = n; n += 1; print(n.v, m.v, n is m)
