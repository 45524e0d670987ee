# float(x) follows CPython's PyNumber_Float: an exact float as it is, then __float__ (strict
# subclass results warn), __index__, then text; the errors of each step.
import warnings
warnings.simplefilter("always")
class Foo1:
    def __float__(self): return 42.
class Foo2(float):
    def __float__(self): return 42.
class Foo3(float):
    def __new__(cls, value=0.): return float.__new__(cls, 2*value)
    def __float__(self): return self
class Foo4(float):
    def __float__(self): return 42
class FooStr(str):
    def __float__(self): return float(str(self)) + 1
class OtherFloatSubclass(float): pass
class F:
    def __float__(self): return OtherFloatSubclass(42.)
class FloatSubclass(float): pass
class MyIndex:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
class MyInt:
    def __int__(self): return 42
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter("always")
    for v in (Foo1(), Foo2(), Foo3(21), FooStr('8'), F(), MyIndex(42), 7, True, 2**60+1, " 1.5 ", b"2.5", OtherFloatSubclass(3.5)):
        r = float(v)
        print(r, type(r).__name__)
    r = FloatSubclass(F())
    print(r, type(r).__name__)
    for x in w: print(x.category.__name__, x.message)
for bad in (Foo4(42), MyInt(), MyIndex(2**2000), "x", [], MyIndex(1.5)):
    try: float(bad)
    except (TypeError, OverflowError, ValueError) as e: print(type(e).__name__, e)
