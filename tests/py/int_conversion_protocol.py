# int(x) follows CPython's PyNumber_Long: an exact int as it is, then __int__, __index__,
# __trunc__, then text; strict-subclass results warn and convert; a huge base clamps.
import warnings
class MyInt(int):
    def __int__(self): return 42
class BadInt(int):
    def __int__(self): return 42.0
print(MyInt(7) == 7, int(MyInt(7)))
try: int(BadInt(7))
except TypeError as e: print("TypeError:", e)
class S(str):
    def __int__(self): return 5
print(int(S("12")))
class BadIndex:
    def __index__(self): return True
class BadIndex2(int):
    def __index__(self): return True
class BadInt3:
    def __int__(self): return True
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for v in (BadIndex(), BadIndex2(), BadInt3(), True, 2.7, -3.9, "  42 ", b"17", bytearray(b"9")):
        n = int(v)
        print(repr(n), type(n).__name__)
    for x in w: print(x.category.__name__, x.message)
for base in (2**100, -2**100, 1, 37, -909, 0-(2**234)):
    try: int('43', base)
    except ValueError as e: print("ValueError:", e)
class MyIndexable:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print(int('101', base=MyIndexable(2)), int('101', base=MyIndexable(36)))
try: int('0', 5.5)
except TypeError as e: print("TypeError:", e)
try: int([])
except TypeError as e: print("TypeError:", e)
