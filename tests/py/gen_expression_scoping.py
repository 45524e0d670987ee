class C:
    items = [1, 2, 3]
    total = sum(x for x in items)
    try:
        doubled = list(x * factor for x in items for factor in [2])
    except NameError as e:
        doubled = str(e)
print(C.total, C.doubled)
n = 10
g = (n * i for i in range(3))
n = 20
print(list(g))
outer = [1, 2]
g2 = (x for x in outer)
outer = [9]
print(list(g2))
