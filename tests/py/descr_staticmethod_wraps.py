def f(x):
    "f doc"
    return x
sm = staticmethod(f)
cm = classmethod(f)
print(sm.__doc__, cm.__doc__, sm.__name__, cm.__qualname__, sm.__module__)
print(sorted(sm.__dict__))
sn = staticmethod(None)
print(sn.__dict__ == {'__doc__': None.__doc__})
sn.x = 42
print(sn.x, sorted(sn.__dict__))
del sn.x
print(hasattr(sn, "x"))
class C:
    @staticmethod
    def s():
        "s doc"
    @classmethod
    def c(cls):
        "c doc"
print(C.__dict__["s"].__doc__, C.__dict__["c"].__doc__, C.__dict__["c"].__wrapped__ is C.c.__func__)
print(C.__dict__["s"].__name__, C.__dict__["c"].__qualname__)
def f(): pass
print(list(staticmethod(f).__dict__))
