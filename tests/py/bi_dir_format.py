# dir() of instances and classes (object.__dir__), object.__format__, class __doc__
PICKLING = {"__getstate__", "__reduce__", "__reduce_ex__", "__weakref__"}
class C:
    x = 1
    def m(self): pass
c = C()
c.y = 2
print([n for n in dir(c) if n not in PICKLING])
print(dir(C) == [n for n in dir(c) if n != "y"], C.__doc__)
class D:
    "documented"
print(D.__doc__, D().__doc__)
print([n for n in dir(set()) if not n.startswith('__')])
print([n for n in dir(frozenset()) if not n.startswith('__')])
print(format(c, '')[:18], object.__format__(1, ''), object.__format__("s", ""))
try:
    format(c, 'x')
except TypeError as e:
    print(e)
try:
    object.__format__(c, 5)
except TypeError as e:
    print(e)
class T:
    def __dir__(self):
        return ("b", "a")
print(dir(T()))
print(c.__dir__() == list(c.__dir__()), sorted(c.__dir__()) == [n for n in dir(c)])
print(object.__subclasshook__(int), C.__subclasshook__(int))
print(type(c.__sizeof__()).__name__, c.__sizeof__() > 0)
class F:
    def __format__(self, spec):
        return 42
try:
    format(F(), "")
except TypeError as e:
    print(e)
