class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset")
    def __set__(self, obj, value):
        setattr(obj, self.name, value)
class Model:
    first = Field()
    second = Field()
m = Model()
print(m.first)
m.first = 10
print(m.first, m._first, type(Model.first).__name__, sorted(vars(m)))
late = Field()
Model.third = late
print(hasattr(late, "name"))
