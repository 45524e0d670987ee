a = (1, (2, [3]))
print(a[1][1], a == (1, (2, [3])))
try:
    hash(a)
except TypeError as e:
    print(e)
print(hash((1, (2, 3))) == hash((1, (2, 3))), (1, 2) < (1, 2.5), (1, "a") < (1, "b"), () < (0,))
try:
    (1, "a") < (1, 2)
except TypeError as e:
    print(e)
t = (1, [2])
t[1].append(3)
print(t)
try:
    t[1] += [4]
except TypeError as e:
    print(e, t)
