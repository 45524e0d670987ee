class MyError(Exception):
    pass
class Detailed(ValueError):
    def __init__(self, code):
        super().__init__(f"code {code}")
        self.code = code
try:
    raise MyError("mine")
except Exception as e:
    print(type(e).__name__, e, isinstance(e, Exception))
try:
    raise Detailed(7)
except ValueError as e:
    print(e, e.code, e.args)
e = ValueError("a", 1)
print(e, repr(e), e.args, repr(ValueError()), str(ValueError()))
try:
    try:
        raise KeyError("inner")
    except KeyError:
        raise TypeError("outer")
except TypeError as e:
    print(e, repr(e.__context__))
try:
    raise ValueError("x") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__)
