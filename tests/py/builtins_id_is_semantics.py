a = [1]
b = a
c = [1]
print(a is b, a is c, a == c, id(a) == id(b), id(a) == id(c), None is None, ... is Ellipsis)
x = object()
print(id(x) == id(x), isinstance(id(x), int), hash(x) == hash(x))
