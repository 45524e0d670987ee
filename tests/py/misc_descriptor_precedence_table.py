class Data:
    def __get__(self, o, t):
        return "data"
    def __set__(self, o, v):
        pass
class NonData:
    def __get__(self, o, t):
        return "nondata"
class Plain:
    pass
class C:
    a = Data()
    b = NonData()
    c = "class attr"
    @property
    def p(self):
        return "property"
o = C()
for name in "abcp":
    try:
        o.__dict__[name] = "instance"
    except Exception as e:
        print(e)
print([getattr(o, n) for n in "abcp"])
print([getattr(C, n) if n != "p" else type(C.p).__name__ for n in "abcp"])
C.b = "replaced"
print(o.b)
