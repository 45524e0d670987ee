s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None, None, -1))
print(s.indices(5), slice(None, None, -1).indices(10), slice(-3, None).indices(10))
a = list(range(10))
print(a[s], a[slice(3)], "abcdef"[slice(1, None, 2)], (1, 2, 3)[slice(None, None, -1)])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
try:
    a[::0]
except ValueError as e:
    print(e)
class Idx:
    def __index__(self):
        return 2
print(a[Idx()], a[Idx():], "xyz"[Idx()])
class G:
    def __getitem__(self, k):
        return k
g = G()
print(g[1:2], g[::3], g[1, 2:3], g[...], g[:, None])
