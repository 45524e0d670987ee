x = 1
del x
try:
    x
except NameError as e:
    print(e)
lst = [1, 2, 3]
del lst[0], lst[-1]
print(lst)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O:
    pass
o = O(); o.attr = 1
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print(e)
