def zero():
    pass
def one(a):
    pass
def opt(a, b=1):
    pass
def kw_only(a, *, b):
    pass
class C:
    def method(self, a):
        pass
    @staticmethod
    def st(a):
        pass
    @classmethod
    def cm(cls, a):
        pass
tests = [lambda: zero(1), lambda: one(1, 2), lambda: opt(1, 2, 3), lambda: kw_only(1, 2), lambda: C().method(1, 2), lambda: C.st(1, 2), lambda: C.cm(1, 2), lambda: opt(), lambda: C().method(), lambda: kw_only(1, b=2, c=3), lambda: one(b=1)]
for t in tests:
    try:
        t()
    except TypeError as e:
        print(e)
