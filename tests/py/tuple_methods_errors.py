t = (1, 2, 3, 2)
print(t.count(2), t.index(2), t.index(2, 2), t[1:3], t[::-2], tuple(reversed(t)), t * 0, t + ())
try:
    t.index(9)
except ValueError as e:
    print(e)
try:
    t + [1]
except TypeError as e:
    print(e)
try:
    t.append(1)
except AttributeError as e:
    print(e)
print(tuple(x for x in range(3)), tuple({1: 2}), tuple("é"))
