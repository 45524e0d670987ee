class A:
    def __init__(self):
        self.present = "yes"
    def __getattribute__(self, name):
        if name == "forbidden":
            raise AttributeError("forbidden attribute")
        return super().__getattribute__(name)
    def __getattr__(self, name):
        return f"fallback for {name}"
a = A()
print(a.present, a.forbidden, a.missing, getattr(a, "other"))
class B:
    def __getattr__(self, name):
        if name == "__len__":
            return lambda: 99
        raise AttributeError(name)
b = B()
print(b.__len__())
try:
    len(b)
except TypeError as e:
    print(e)
