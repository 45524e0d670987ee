# __class__ of a class between compatible metaclasses; __bases__ naming a class with a metaclass.
class M1(type):
    def hello(cls): return "M1 " + cls.__name__
class M2(type):
    def hello(cls): return "M2 " + cls.__name__
class C(metaclass=M1):
    pass
print(C.hello())
C.__class__ = M2
print(C.hello(), type(C).__name__)
try:
    C.__class__ = type
except TypeError as e:
    print(e)
class N:
    pass
try:
    N.__bases__ = (C,)
    print(N.__mro__)
except TypeError as e:
    print(e)
import gc; gc.collect()
print("ok")
