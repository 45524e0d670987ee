class C:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
a = C(1)
m = a.get
print(m(), m.__self__ is a, m.__func__ is C.get, C.get(a), type(m).__name__, m == a.get, a.get is a.get)
fs = [C(i).get for i in range(3)]
print([f() for f in fs])
C.extra = lambda self: self.n * 100
print(a.extra())
a.inst_fn = lambda: "instance function, not bound"
print(a.inst_fn())
print(getattr(a, "get")(), C.__dict__["get"](a))
