a = []
for i in range(6):
    a.insert(i // 2, i)
print(a)
a.insert(-100, "first"); a.insert(100, "last"); a.insert(-1, "penultimate")
print(a)
print([a.pop(i) for i in [0, -1, 2]], a)
