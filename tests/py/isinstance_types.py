class Base: pass
class Derived(Base): pass
d = Derived()
print(isinstance(d, Base), isinstance(d, (int, Derived)), type(d) is Derived, type(d) is Base)
print(issubclass(bool, int), issubclass(int, object), issubclass(ValueError, Exception))
print(type(type), type(object), isinstance(int, type), Derived.__bases__, Base.__bases__)
