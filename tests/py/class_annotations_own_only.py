class C:
    attr: int
class D(C): pass
print(D.__annotations__, C.__annotations__, "__annotations__" in D.__dict__)
try: int.__annotations__
except AttributeError as e: print(e)
print(type.__dict__["__annotations__"].__class__.__name__)
D.__annotations__ = {"x": str}
print(D.__annotations__)
del D.__annotations__
try:
    del D.__annotations__
except AttributeError as e:
    print("AttributeError", e)
print(D.__annotations__)
try:
    int.__annotations__ = {}
except TypeError as e:
    print(e)
class E:
    x: int = 3
    def f(self) -> str: pass
print(E.__annotations__, E.f.__annotations__)
