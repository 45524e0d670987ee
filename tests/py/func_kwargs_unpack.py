def show(**kw):
    return sorted(kw.items())
print(show(a=1, **{"b": 2}, c=3))
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print(e)
try:
    show(**{1: 2})
except TypeError as e:
    print(e)
def pos(*a):
    return a
print(pos(*[1, 2], *(3,), *"ab"))
try:
    pos(*5)
except TypeError as e:
    print(e)
try:
    show(**[1])
except TypeError as e:
    print(e)
