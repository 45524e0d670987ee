class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
try:
    raise NotFound(404, "no page")
except AppError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))
class Bare(Exception):
    pass
print(repr(Bare()), str(Bare()), repr(Bare(1, 2)), str(Bare(1, 2)), str(Bare("x")))
class WithRepr(ValueError):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr()), isinstance(WithRepr(), ValueError), WithRepr.__mro__[1].__name__)
raise NotFound(500, "server broke")
