a = [3, 1, 4, 1, 5]
a.append(9); a.extend([2, 6]); a.insert(0, 0); a.insert(100, 7); a.insert(-1, 8)
print(a, a.count(1), a.index(4), a.index(1, 3), len(a))
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(1); print(a)
a.reverse(); print(a)
b = a.copy(); b.clear(); print(a, b)
a.sort(); print(a)
try:
    a.remove(42)
except ValueError as e:
    print(e)
try:
    a.index(42)
except ValueError as e:
    print(e)
try:
    [].pop()
except IndexError as e:
    print(e)
try:
    [1].pop(5)
except IndexError as e:
    print(e)
