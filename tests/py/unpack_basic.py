a, b = 1, 2
a, b = b, a
print(a, b)
x, (y, z), *w = 1, (2, 3), 4, 5
print(x, y, z, w)
[p, q] = "pq"
print(p, q)
for i, (k, v) in enumerate({"a": 1}.items()):
    print(i, k, v)
head, *mid, tail = [1]  if False else [1, 2]
print(head, mid, tail)
*all_, = range(3)
print(all_)
a = b = c = [0]
print(a is c)
i = 0
lst = [10, 20]
i, lst[i] = 1, 99
print(i, lst)
