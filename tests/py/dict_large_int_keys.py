d = {}
for i in range(2000):
    d[i * 7919 % 2003] = i
print(len(d), d[0], d[1], d[2002], sum(d.values()), list(d)[:8])
for k in list(d):
    if k % 2:
        del d[k]
print(len(d), list(d.items())[:5])
