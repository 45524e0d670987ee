class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
    @classmethod
    def create(cls):
        return cls()
    @staticmethod
    def helper(x):
        return x * 2
    @classmethod
    def how_many(cls):
        return cls.count
class Sub(Counter):
    pass
Counter.create(); Sub.create(); Sub()
print(Counter.how_many(), Sub.how_many(), Counter.helper(4), Counter().helper(5), type(Sub.create()).__name__)
print(type(Counter.__dict__["create"]).__name__, type(Counter.__dict__["helper"]).__name__, Counter.__dict__["helper"].__func__(3))
sm = staticmethod(len)
print(sm("abc") if hasattr(sm, "__call__") else "no call")
