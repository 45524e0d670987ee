print(None, repr(None), str(None), type(None), None == None, None is None, None != 0, bool(None), hash(None) == hash(None))
def f():
    pass
def g():
    return
print(f(), g(), f() is None, [None] * 2, {None: None})
try:
    None.x
except AttributeError as e:
    print(e)
try:
    None()
except TypeError as e:
    print(e)
try:
    None[0]
except TypeError as e:
    print(e)
try:
    len(None)
except TypeError as e:
    print(e)
try:
    for _ in None:
        pass
except TypeError as e:
    print(e)
try:
    None + 1
except TypeError as e:
    print(e)
print(type(None)() is None)
