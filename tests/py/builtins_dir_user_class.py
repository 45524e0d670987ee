class Base:
    base_attr = 1
    def base_method(self):
        pass
class Child(Base):
    child_attr = 2
    def __init__(self):
        self.inst = 3
    def child_method(self):
        pass
print([n for n in dir(Child) if not n.startswith("__")])
print([n for n in dir(Child()) if not n.startswith("__")])
print("__init__" in dir(Child), "__class__" in dir(Child()))
class Custom:
    def __dir__(self):
        return ["z", "a", "m"]
print(dir(Custom()))
