class A:
    @classmethod
    def create(cls):
        return f"A.create for {cls.__name__}"
    @staticmethod
    def util():
        return "A.util"
class B(A):
    @classmethod
    def create(cls):
        return "B+" + super().create()
    @staticmethod
    def util():
        return "B+" + super(B, B).util()
print(B.create(), B().create(), B.util())
class C(B):
    pass
print(C.create())
