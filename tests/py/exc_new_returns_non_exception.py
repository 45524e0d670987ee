# An exception class whose __new__ returns something else: raising or throwing it is a TypeError.
class E(Exception):
    __new__ = lambda cls: cls
def g():
    yield
try:
    g().throw(E)
except TypeError as e:
    print("throw:", e)
try:
    raise E
except TypeError as e:
    print("raise:", e)
