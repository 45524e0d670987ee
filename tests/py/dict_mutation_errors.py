d = {1: 1, 2: 2}
try:
    for k in d:
        del d[k]
except RuntimeError as e:
    print(e)
print(d)
d = {1: 1}
try:
    for k in d.keys():
        d[k + 1] = 0
except RuntimeError as e:
    print(e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = d[k] * 10
print(d)
