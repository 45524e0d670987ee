# subclass results of operators, iterator dunders, range dunders, slice self-assignment
class D(dict): pass
class L(list): pass
class T(tuple): pass
print(type(D(a=1) | {}).__name__, type(D(a=1).copy()).__name__, type(L([1]) * 2).__name__, type(L([1])[:]).__name__, type(T((1,)) + (2,)).__name__, type(T((1,))[:]).__name__)
d = D(a=1); d |= {"b": 2}; print(type(d).__name__, d)
l = L([1]); l += [2]; l *= 2; print(type(l).__name__, l)
print(list(range(5).__iter__()), range(3).__reversed__().__next__(), repr(range(0)), range(1, 10, 3)[-1], range(10)[::-1][2])
print(sorted(range(5), key=lambda x: -x), sorted("bca"), sorted({3: 1, 1: 2}), sorted([(1, "b"), (1, "a")]))
print([1, 2, 3].index(2, -5, 100), (1, 2, 3).index(3, True), [0, 1].count(False))
a = [1, 2, 3, 4]
a[1:3] = a
print(a)
b = list(range(8)); b[::2] = b[1::2]; print(b)
c = list(range(5)); del c[::-1]; print(c)
it = iter({"a": 1, "b": 2}.items())
print(it.__next__(), it.__length_hint__(), list(it.__iter__()), type(it).__name__)
ri = iter(range(3))
print(ri.__next__(), ri.__length_hint__(), list(ri))
try:
    ri.__next__()
except StopIteration:
    print("StopIteration")
print({"x": 1}.keys().__len__(), list({"x": 1}.values().__iter__()))
print(range(3).__eq__(range(0, 3)), range(3).__ne__(5), range(2).__hash__() == hash(range(2)), range(0).__bool__(), slice(1).__eq__(slice(1)), slice(1, 2).__lt__(slice(1, 3)), slice(1).__hash__() == hash(slice(1)), {}.__ror__({1: 2}), {1: 1}.__or__([]))
