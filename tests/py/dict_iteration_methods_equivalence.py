d = {i: chr(97 + i) for i in range(6)}
print(list(d) == list(d.keys()), [d[k] for k in d] == list(d.values()), list(zip(d.keys(), d.values())) == list(d.items()))
del d[2]
d[2] = "again"
print(list(d.items()))
print(list(iter(d.items()))[-1], next(iter(d.values())), next(reversed(d)))
