class Base:
    @property
    def name(self):
        return "base"
    @property
    def value(self):
        return self._v
    @value.setter
    def value(self, v):
        self._v = v
class Child(Base):
    @property
    def name(self):
        return "child of " + super().name
    @Base.value.setter
    def value(self, v):
        Base.value.fset(self, v * 10)
c = Child()
c.value = 2
print(c.name, c.value, type(Child.value).__name__, Child.value.fget is Base.value.fget)
class Cached:
    def __init__(self):
        self.calls = 0
    @property
    def expensive(self):
        self.calls += 1
        return 42
k = Cached()
print(k.expensive, k.expensive, k.calls)
