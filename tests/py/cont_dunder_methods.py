# list, tuple and dict dunder methods; __init__ of list and dict subclasses through super()
class D(dict):
    def __init__(self, *a, **kw):
        super().__init__(*a, **kw)
        self.extra = 1
d = D([("a", 1)], b=2)
print(d, d.extra, type(d).__name__, d == {"a": 1, "b": 2}, dict.__eq__(d, {"a": 1, "b": 2}))
class L(list):
    def __init__(self, it):
        super().__init__([x * 2 for x in it])
l = L([1, 2])
print(l, list.__eq__(l, [2, 4]), list.__lt__([1], [2]), list.__add__([1], [2]), list.__mul__([1], 2), [1].__rmul__(3))
print(tuple.__hash__((1, 2)) == hash((1, 2)), (1, 2).__eq__((1, 2)), (1,).__lt__((2,)), (1,).__add__((2,)), tuple.__mul__((1,), 2))
print(list(iter([3, 4])), list([5].__iter__()), list({"k": 1}.__iter__()), {"a": 1}.__or__({"b": 2}), dict.__ne__({}, {}))
x = [1]
print(x.__imul__(3), x, [1].__eq__((1,)), [].__mul__("a"))
