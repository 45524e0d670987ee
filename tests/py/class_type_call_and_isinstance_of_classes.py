class Meta(type):
    pass
class A(metaclass=Meta):
    pass
print(type(A) is Meta, isinstance(A, type), isinstance(A, Meta), issubclass(Meta, type), type(type) is type, type(object) is type)
print(isinstance(object, object), isinstance(type, object), issubclass(type, object), object.__class__, A.__class__.__name__)
B = Meta("B", (A,), {"v": 1})
print(type(B).__name__, B.__mro__[1] is A, B.v)
