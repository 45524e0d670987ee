d = {}
for i in range(20):
    d[i] = str(i)
for i in range(0, 20, 3):
    del d[i]
d[0] = "zero"
d[3] = "three"
print(list(d.keys()))
print(d.popitem(), len(d))
