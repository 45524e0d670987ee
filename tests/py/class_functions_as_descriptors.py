def free(self, x):
    return ("free", type(self).__name__, x)
class C:
    method = free
print(C().method(1), C.method(C(), 2))
bound = free.__get__(C(), C)
print(bound(3), type(bound).__name__)
print(C.__dict__["method"] is free, C.method is free)
sm = staticmethod(free)
cm = classmethod(free)
class D:
    s = sm
    c = cm
print(D.s(D(), 4), D.c(5), D().c(6))
