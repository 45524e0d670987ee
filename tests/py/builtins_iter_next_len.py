it = iter([1, 2, 3])
print(next(it), list(it), len([1, 2]), len("héllo"), len({1: 2}), len(range(10)), len(b"ab"), len(()))
class L:
    def __len__(self):
        return 7
print(len(L()))
for bad in [5, None, iter([])]:
    try:
        len(bad)
    except TypeError as e:
        print(e)
class Huge:
    def __len__(self):
        return 2 ** 64
try:
    len(Huge())
except OverflowError as e:
    print(e)
