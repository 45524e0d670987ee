class R:
    def __reversed__(self):
        return iter(["custom", "reversed"])
    def __iter__(self):
        return iter(["forward"])
print(list(reversed(R())), list(R()))
d = {"a": 1, "b": 2}
print(list(reversed(d.keys())), list(reversed(d.items())))
r = reversed([1, 2, 3])
print(next(r), r.__length_hint__(), list(r))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
try:
    reversed(NoRev())
except TypeError as e:
    print(e)
