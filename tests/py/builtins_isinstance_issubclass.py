print(isinstance(1, int), isinstance(True, int), isinstance(1, bool), isinstance(1.0, (int, float)), isinstance("s", (list, (dict, str))))
print(issubclass(bool, (str, int)), issubclass(int, int), issubclass(type, object), isinstance(type, type), isinstance(object, type))
print(isinstance(None, type(None)), isinstance([], object), isinstance(1, int | str), issubclass(bool, int | None))
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance(1, Magic), issubclass(int, Magic), issubclass(str, Magic))
try:
    isinstance(1, "int")
except TypeError as e:
    print(e)
try:
    issubclass(1, int)
except TypeError as e:
    print(e)
