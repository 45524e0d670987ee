class A:
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()
class B(A):
    def who(self):
        return "B"
class C(B):
    pass
print(C().hello(), isinstance(C(), A), issubclass(C, B), issubclass(A, C), C.__bases__, C.__base__.__name__)
print([k.__name__ for k in C.__mro__], C.mro() == list(C.__mro__), type(C()).__name__, C().__class__ is C)
print(issubclass(bool, int), issubclass(int, object), isinstance(A, type), type(type), object.__bases__)
print(isinstance(1, (str, int)), issubclass(C, (int, A)))
