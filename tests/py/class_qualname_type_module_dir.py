try:
    type("Foo", (), {"__qualname__": 1})
except TypeError as e: print(e)
class M(type):
    def __dir__(cls): return 1
class C(metaclass=M): pass
try: dir(C)
except TypeError as e: print(e)
import sys
M = type(sys)
class M2(M):
    def getdict(self):
        return "Not a dict!"
    __dict__ = property(getdict)
m2 = M2("m2")
m2.b = 2
print(m2.__dict__)
try: dir(m2)
except TypeError as e: print("TypeError", e)
class M3(M): pass
m3 = M3("m3"); m3.a = 1
print([x for x in dir(m3) if not x.startswith("__")])
