class Base:
    def __init__(self, x):
        self.x = x
        print("Base init", x)
    def describe(self):
        return f"Base({self.x})"
class Left(Base):
    def __init__(self, x):
        print("Left init")
        super().__init__(x)
    def describe(self):
        return "Left>" + super().describe()
class Right(Base):
    def __init__(self, x):
        print("Right init")
        super().__init__(x * 10)
    def describe(self):
        return "Right>" + super().describe()
class Child(Left, Right):
    def __init__(self):
        super().__init__(1)
    def describe(self):
        return "Child>" + super().describe()
c = Child()
print(c.describe(), c.x)
print(super(Left, c).describe(), super(Child, c).describe())
class S:
    @classmethod
    def make(cls):
        return cls.__name__
class T(S):
    @classmethod
    def make(cls):
        return "T:" + super().make()
print(T.make(), T().make())
