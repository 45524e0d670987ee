class Base(object):
    aProp = property(lambda self: "foo")
    @classmethod
    def cm(cls): return "cm of " + cls.__name__
    def f(self): return "f"
class Sub(Base):
    @classmethod
    def test(klass):
        return super(Sub, klass).aProp
    @classmethod
    def test0(cls):
        return super().aProp
    @classmethod
    def test_cm(cls):
        return super().cm()
print(Sub.test() is Base.aProp, Sub.test0() is Base.aProp, Sub.test_cm())
print(Sub().test() is Base.aProp)
print(super(Sub, Sub).f(1), super(Sub, Sub()).aProp)
try:
    super(Base, kw=1)
except TypeError as e:
    print("TypeError", e)
