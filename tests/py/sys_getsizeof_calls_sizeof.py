import sys
print(sys.getsizeof(1) > 0, sys.getsizeof(()) < sys.getsizeof((1,2,3)), sys.getsizeof("abc") < sys.getsizeof("abcdef"))
class A:
    def __sizeof__(self): return 5
print(sys.getsizeof(A()) >= 5)
class B:
    def __sizeof__(self): return -1
try: sys.getsizeof(B())
except ValueError as e: print(e)
class C:
    def __sizeof__(self): return "x"
try: sys.getsizeof(C())
except TypeError as e: print(e)
print(sys.getsizeof(C(), 42))
