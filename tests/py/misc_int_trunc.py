class T:
    def __init__(self, r): self.r = r
    def __trunc__(self): return self.r
class MyInt(int): pass
class Idx:
    def __index__(self): return 11
r = int(T(MyInt(5)))
print(r, type(r).__name__, int(T(Idx())), int(T(True)), type(int(T(True))).__name__)
try:
    int(T(2.5))
except TypeError as e:
    print(e)
import warnings
warnings.simplefilter("error")
try:
    int(T(1))
except DeprecationWarning as e:
    print("error:", e)
