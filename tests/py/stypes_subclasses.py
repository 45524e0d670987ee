# __subclasses__ lists the live direct subclasses, in creation order; __bases__ / __base__ / __mro__.
print(int.__subclasses__())
print(bool.__subclasses__())


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print(A.__subclasses__(), B.__subclasses__(), C.__subclasses__(), D.__subclasses__())
print(A.__bases__, B.__bases__, D.__bases__, D.__base__)
print([k.__name__ for k in D.__mro__])


class MyInt(int):
    pass


class MyInt2(MyInt):
    pass


class MyStr(str):
    pass


print([k for k in int.__subclasses__() if k.__module__ == "__main__"])
print(MyInt.__subclasses__(), MyInt2.__subclasses__())
print(MyStr in str.__subclasses__(), MyInt in str.__subclasses__())
print(MyInt.__bases__, MyInt2.__mro__)
print(type.__subclasses__(A) == A.__subclasses__())
print(bool.__bases__, int.__bases__, object.__bases__, object.__base__)
print(A in object.__subclasses__(), MyInt in object.__subclasses__())


class Meta(type):
    pass


class WithMeta(metaclass=Meta):
    pass


print(Meta in type.__subclasses__(), Meta.__subclasses__(), type(WithMeta).__name__)
print(Exception in BaseException.__subclasses__(), ValueError in Exception.__subclasses__())


class MyError(ValueError):
    pass


print([k.__name__ for k in ValueError.__subclasses__() if k.__module__ == "__main__"])
made = [type(f"K{i}", (A,), {}) for i in range(3)]
print([k.__name__ for k in A.__subclasses__()])
try:
    int.__subclasses__(1)
except TypeError as e:
    print("TypeError:", e)
