# list_iterator and tuple_iterator: names, __length_hint__, staying exhausted after the list grows
l = [1, 2]
it = iter(l)
print(type(it).__name__, type(iter((1,))).__name__, it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), it.__length_hint__())
l.append(3)
print(list(it), list(iter(l)))
t = iter((1, 2, 3))
next(t)
print(t.__length_hint__(), list(t), list(t))
for x in [1, 2, 3]:
    print(x, end=" ")
print(sum([1, 2]), list(zip([1, 2], (3, 4))), sorted(iter([3, 1, 2])))
