class Named:
    def __init__(self, label):
        self.label = label
    def __set_name__(self, owner, name):
        print("set_name", self.label, owner.__name__, name)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        print("meta new before type.__new__", name)
        cls = super().__new__(mcls, name, bases, ns)
        print("meta new after type.__new__", name)
        return cls
class Base:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__)
class C(Base, metaclass=Meta):
    b = Named("b")
    a = Named("a")
    same = a
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("bad set_name")
try:
    class D:
        x = Bad()
except ValueError as e:
    print(type(e).__name__, e, e.__notes__ if hasattr(e, "__notes__") else "")
except RuntimeError as e:
    print(type(e).__name__, e)
