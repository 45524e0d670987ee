# repr of a bound method names the callable by its __qualname__, else __name__, else '?'.
import types
class Foo:
    @classmethod
    def method(cls): pass
print(repr(Foo.method).split(' at ')[0])
print(repr(types.MethodType(object(), 1)) if False else '')
m = types.MethodType(len, object())
print(repr(m).split(' at ')[0])
class C:
    def __call__(self): pass
m = types.MethodType(C(), 5)
print(repr(m).split(' at ')[0])
class MyCallable:
    def __call__(self, arg): pass
func = MyCallable()
method = types.MethodType(func, object())
print(repr(method).split(' at ')[0])
func.__name__ = "name"
print(repr(method).split(' at ')[0])
func.__qualname__ = "qualname"
print(repr(method).split(' at ')[0])
func.__qualname__ = 5
print(repr(method).split(' at ')[0])
class Foo:
    def method(self): pass
print(repr(Foo().method).split(' at ')[0])
print(repr([].append).split(' at ')[0])
