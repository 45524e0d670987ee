calls = []
class L(list):
    def __getitem__(self, i):
        calls.append(("get", i))
        return super().__getitem__(i)
    def __setitem__(self, i, v):
        calls.append(("set", i, v))
        super().__setitem__(i, v)
l = L([1, 2])
def idx():
    calls.append("idx")
    return 0
l[idx()] += 10
print(l, calls)
a = b = []
a.append(1)
print(b)
x = y = z = 0
x += 1
print(x, y, z)
