class A:
    class B:
        pass
print(A, A.B, repr(A), str(A.B), A.__module__, type(A), type(A()).__name__)
print(int, list, type, object, type(None), type(len), type(A.__init__).__name__, type(A.B.__dict__).__name__)
