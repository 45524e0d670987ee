class M(type):
    def __dir__(cls): return ["b", "a"]
class C(metaclass=M): pass
print(dir(C), len(dir(C())) > 20)
class D:
    def __dir__(self): return ("z", "y")
print(dir(D()))
class Desc:
    def __get__(self, obj, owner):
        return lambda: ["q", "p"]
class E:
    __dir__ = Desc()
print(dir(E()))
