# Exception classes with an __init__ of their own, called many times (so the call is
# specialised): BaseException.__new__ keeps the arguments whatever __init__ does.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
class Quiet(Exception):
    def __init__(self, a, b):
        self.total = a + b          # no super().__init__: args come from __new__
class Keyed(KeyError):
    def __init__(self, key):
        super().__init__(key, "extra")
class Loud(ValueError):
    def __init__(self, x):
        raise RuntimeError(f"no {x}")
class Returns(Exception):
    def __init__(self, x):
        return x
def many(cls, *args):
    last = None
    for i in range(30):
        last = cls(*args)
    return last
e = many(AppError, 7)
print(e.args, e.code, str(e), repr(e))
q = many(Quiet, 1, 2)
print(q.args, q.total, repr(q))
k = many(Keyed, "k")
print(k.args, str(k))
for cls, args in ((Loud, (1,)), (Returns, (5,))):
    for i in range(3):
        try:
            cls(*args)
        except Exception as err:
            print(type(err).__name__, err)
total = 0
for i in range(40):
    try:
        raise AppError(i)
    except AppError as err:
        total += err.code
print(total)
try:
    many(AppError)
except TypeError as err:
    print("TypeError", err)
def deep():
    return Loud(3)
deep()
