class Desc:
    def __get__(self, obj, owner=None):
        return ("get", type(obj).__name__, owner.__name__ if owner else None)
class A:
    d = Desc()
class B(A):
    pass
print(A.d, A().d, B.d, B().d)
class Verbose:
    def __init__(self):
        self.store = {}
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner):
        if obj is None:
            return "class access"
        return self.store.get(id(obj), "unset") if False else obj.__dict__.get("_" + self.name, "unset")
    def __set__(self, obj, v):
        obj.__dict__["_" + self.name] = v * 2
    def __delete__(self, obj):
        del obj.__dict__["_" + self.name]
class C:
    v = Verbose()
c = C()
print(C.v, c.v)
c.v = 5
print(c.v, vars(c))
del c.v
print(c.v)
