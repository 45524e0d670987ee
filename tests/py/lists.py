a = [3, 1, 2]
a.append(5)
a.extend([9, 0])
a.insert(0, 7)
print(a, len(a), a[0], a[-1], a.index(9), a.count(1))
print(a.pop(), a.pop(0), a)
a.remove(1)
a.reverse()
print(a, sorted(a), sorted(a, reverse=True), a)
a[1] = 100
del a[0]
print(a, a + [1], [0] * 3, 5 in a, 100 in a)
b = a.copy()
b.clear()
print(a, b, list("abc"), list(range(4)))
print([1, [2, [3]]], [[]] * 2, min(a), max(a), sum(a))
