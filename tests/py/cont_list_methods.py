# list methods: results and error messages
def check(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ":", e)

a = [1, 2, 3]
a.append(4)
a.extend((5, 6))
a.extend(iter([7]))
a.extend("ab")
print(a)
a.insert(0, 0)
a.insert(-1, "x")
a.insert(100, "end")
a.insert(-100, "start")
print(a)
print(a.pop(), a.pop(0), a.pop(-2))
print(a)
check(lambda: [].pop())
check(lambda: [1].pop(5))
check(lambda: [1].pop("a"))
b = [1, 2, 3, 2, 1]
b.remove(2)
print(b)
check(lambda: b.remove(9))
print(b.index(1), b.index(1, 1), b.index(1, -1), b.index(3, 0, 3))
check(lambda: b.index(9))
check(lambda: b.index(3, 0, 1))
check(lambda: b.index("z", 2))
print(b.count(1), b.count(9), [[1], [1]].count([1]))
b.reverse()
print(b)
c = b.copy()
c.append(99)
print(b, c, c is not b)
c.clear()
print(c, len(c))
check(lambda: [].append())
check(lambda: [].append(1, 2))
check(lambda: [].insert(1))
check(lambda: [].extend(5))
check(lambda: [].count())
# operators
x = [1, 2]
y = x
x += [3]
x += (4,)
x += "5"
print(x, y is x)
x *= 2
print(x, y is x)
x *= 0
print(x, y is x)
check(lambda: [1] + (2,))
check(lambda: [1] * "a")
print([1, 2] * 2, 2 * [0], [1] * -1, [1, 2] + [3])
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [1] != [1], [] <= [], [3] >= [2, 9])
check(lambda: [1] < ["a"])
check(lambda: [1] < (1,))
print(2 in [1, 2], 5 in [1, 2], 5 not in [1, 2])
print(list(reversed([1, 2, 3])), list([1, 2].__reversed__()))
print(list(), list("abc"), list(range(3)), list({1: 2, 3: 4}), list((1, 2)))
check(lambda: list(1))
check(lambda: list(1, 2))
r = [1, 2]
r.append(r)
print(r, repr(r))
d = {"k": r}
print(d)
print([1, [2, [3, []]]], [None, True, 1.5, "s", (1,)])
print(list.__name__, type([]).__name__, isinstance([], list))
e = [3, 1, 2]
print(sorted(e), e)
print([].__len__(), [1, 2].__len__(), [1, 2].__contains__(2), [5, 6].__getitem__(1))
class L(list):
    pass
m = L([1, 2])
m.append(3)
print(m, type(m).__name__, len(m), m + [4], type(m + [4]).__name__)
del m[0]
print(m)
print(hash is not None)
check(lambda: hash([]))
check(lambda: [1, 2, 3][5])
key_s, key_f = "a", 1.5
check(lambda: [1, 2, 3][key_s])
check(lambda: [1, 2, 3][key_f])
def setitem():
    z = [1]
    z[3] = 1
check(setitem)
def delitem():
    z = [1]
    del z[3]
check(delitem)
