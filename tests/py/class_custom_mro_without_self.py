class B:
    pass
class M(type):
    def mro(cls):
        del M.mro
        return (B,)
try:
    class A(metaclass=M):
        pass
except TypeError as e:
    print("TypeError", e)
else:
    print(A.__mro__)
