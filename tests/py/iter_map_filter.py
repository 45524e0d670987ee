print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(pow, [2, 3], [3, 2])))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(lambda x: x % 2, range(10))))
m = map(abs, [-1, -2])
print(next(m), next(m), next(m, "done"), type(m).__name__, type(filter(None, [])).__name__)
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed((1, 2))), list(reversed(range(3))))
try:
    reversed({1, 2})
except TypeError as e:
    print(e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 10
print(list(reversed(Seq())), list(iter(Seq())) if False else "seq")
