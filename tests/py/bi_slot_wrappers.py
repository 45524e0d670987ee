# dunder methods of builtin types (slot wrappers), super() into builtin bases, __new__
class L(list):
    def __getitem__(self, i):
        return ("L", super().__getitem__(i))
    def __init__(self, *a):
        super().__init__(*a)
l = L([1, 2, 3])
print(l, l[0], len(l))
print(int.__add__(1, 2), int.__radd__(1, 2), (5).__sub__(3), int.__lt__(1, 2), list.__len__([1]))
try:
    object.__new__(L)
except TypeError as e:
    print(e)
print(type(object.__new__(object)).__name__, type(list.__new__(L)).__name__)
class I(int):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(I(4), type(I(4)).__name__)
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 10)
d = D()
d["a"] = 1
print(d, dict.__getitem__(d, "a"), dict.__contains__(d, "a"))
print(repr(object.__new__)[:30])
print(str.__len__("abc"), str.__getitem__("abc", 1), float.__neg__(2.5), (3).__bool__(), (2).__index__())
print(set.__or__({1}, {2}), frozenset.__and__(frozenset([1, 2]), {2}))
print(len.__call__([1, 2]))
