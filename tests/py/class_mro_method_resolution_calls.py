class A:
    def who(self):
        return ["A"]
class B(A):
    def who(self):
        return ["B"] + super().who()
class C(A):
    def who(self):
        return ["C"] + super().who()
class D(B, C):
    def who(self):
        return ["D"] + super().who()
class E(C, B):
    def who(self):
        return ["E"] + super().who()
print(D().who(), [k.__name__ for k in D.__mro__])
print(E().who(), [k.__name__ for k in E.__mro__])
try:
    class F(D, E):
        pass
except TypeError as e:
    print(e)
