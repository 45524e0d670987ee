from warnings import deprecated
@deprecated("use g instead")
def f(x):
    "doc of f"
    return x * 2
print(f(21), f.__name__, f.__doc__, f.__deprecated__, f.__wrapped__.__name__)
@deprecated("quiet", category=None)
def h(): return 1
print(h(), h.__deprecated__)
try:
    deprecated(42)
except TypeError as e:
    print(e)
try:
    deprecated("x")(5)
except TypeError as e:
@deprecated("loud", category=RuntimeWarning, stacklevel=2)
def g():
    return "g"
def caller():
    return g()
print(caller())
import warnings
print("deprecated" in dir(warnings))
