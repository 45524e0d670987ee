x = None
print(x is None, x == None, x != None, None in [None], [None].count(None), None or "default", None and "never")
try:
    None < None
except TypeError as e:
    print(e)
def returns():
    return
print(returns() is None, print() is None)
print(type(None).__name__, repr(type(None)), hash(None) == hash(None), isinstance(None, object), bool(type(None)))
