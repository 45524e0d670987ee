# BaseException.__reduce__ and __setstate__ (what pickle and copy use for exceptions).
e = Exception(42)
print(e.__reduce__())
e.blah = 53
print(e.__reduce__())
e.__setstate__({'a': 1, 'b': 2})
print(e.args, e.blah, e.a, e.b)
e.__setstate__({'a': 11, 'args': (1, 2, 3), 'blah': 35})
print(e.args, e.blah, e.a, e.b)
e.__setstate__(None)
print(e.args)
try:
    e.__setstate__(42)
except TypeError as err:
    print("TypeError:", err)


class MyError(ValueError):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code


m = MyError(3, "bad")
r = m.__reduce__()
print(r[0].__name__, r[1], r[2])
cls, a, st = r
c = cls.__new__(cls, *a)
c.__setstate__(st)
c.args = a
print(type(c).__name__, c.args, c.code)
k = KeyError("k")
print(k.__reduce__(), OSError(2, "nope").__reduce__()[1])
print(StopIteration(5).__reduce__())
