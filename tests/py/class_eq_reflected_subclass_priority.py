class Base:
    def __eq__(self, other):
        print("Base.__eq__")
        return NotImplemented
class Sub(Base):
    def __eq__(self, other):
        print("Sub.__eq__")
        return True
print(Base() == Sub())
print(Sub() == Base())
class Other:
    def __eq__(self, o):
        print("Other.__eq__")
        return NotImplemented
print(Other() == Other())
print(Other() != Other())
