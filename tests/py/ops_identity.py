a = [1, 2]
b = a
print(a is b, a is not [1, 2], None is None, True is True, () is (), "" == "")
x = 256
y = 256
print(x == y, [] is not [], type(a) is list, type(True) is bool, type(1) is not bool)
def f():
    return None
print(f() is None, f() is not None, NotImplemented is NotImplemented, ... is ...)
