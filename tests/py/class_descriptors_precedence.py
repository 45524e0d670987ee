class DataDesc:
    def __get__(self, obj, owner):
        return "data-desc"
    def __set__(self, obj, value):
        print("DataDesc.__set__", value)
class NonDataDesc:
    def __get__(self, obj, owner):
        return "non-data-desc"
class C:
    d = DataDesc()
    n = NonDataDesc()
c = C()
c.__dict__["d"] = "instance-d"
c.__dict__["n"] = "instance-n"
print(c.d, c.n)
c.d = 5
print(c.d, c.__dict__["d"])
del c.__dict__["n"]
print(c.n, C.d, C.n)
class GetOnly:
    def __get__(self, obj, owner):
        return "get-only"
    def __delete__(self, obj):
        print("deleted")
class E:
    g = GetOnly()
e = E()
try:
    e.g = 1
except AttributeError as ex:
    print("AttributeError:", ex)
del e.g
print(e.g)
