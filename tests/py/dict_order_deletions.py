d = {}
for i in range(10):
    d[i] = i * i
for i in range(0, 10, 2):
    del d[i]
print(d)
d[0] = "zero"; d[3] = "three"
print(d, list(d))
for k in list(d):
    if k % 3 == 0:
        del d[k]
d[100] = 1; d[1] = "one"
print(d)
e = dict.fromkeys(range(20))
for k in range(19):
    del e[k]
e["new"] = 1
print(e)
