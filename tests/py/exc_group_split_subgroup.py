# split / subgroup / derive on exception groups: by type, tuple, predicate, nesting, metadata.
eg = ExceptionGroup("top", [
    ValueError(1),
    TypeError(2),
    ExceptionGroup("inner", [ValueError(3), KeyError(4)]),
    OSError(5),
])

print(eg.split(ValueError))
print(eg.split((TypeError, KeyError)))
print(eg.subgroup(lambda e: isinstance(e, LookupError)))
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "inner"))
print(eg.subgroup(BaseException) is eg, eg.split(Exception)[0] is eg)
print(eg.split(ZeroDivisionError))
print(eg.subgroup(ZeroDivisionError))
print(eg.derive([ZeroDivisionError()]), type(eg.derive([KeyboardInterrupt()])).__name__)

# Metadata is copied onto the parts; notes are copied, not shared.
try:
    try:
        raise RuntimeError("ctx")
    except RuntimeError as c:
        raise eg from c
except ExceptionGroup as caught:
    caught.add_note("a note")
    match, rest = caught.split(ValueError)
    print(match.__cause__, rest.__cause__, match.__traceback__ is caught.__traceback__)
    print(match.__notes__, rest.__notes__, match.__notes__ is caught.__notes__)
    print(match.__context__ is caught.__context__, match.__suppress_context__)

# Subclasses keep their type through derive overrides.
class Batch(ExceptionGroup):
    def derive(self, excs):
        return Batch(self.message + "*", excs)

b = Batch("jobs", [ValueError("a"), TypeError("b")])
m, r = b.split(ValueError)
print(type(m).__name__, m, repr(m), type(r).__name__, r)

class Plain(ExceptionGroup):
    pass

m, r = Plain("p", [ValueError("a"), TypeError("b")]).split(ValueError)
print(type(m).__name__, type(r).__name__)

# Auto-selection, attributes, str and repr.
g = BaseExceptionGroup("auto", [ValueError()])
print(type(g).__name__, g.message, g.exceptions, g.args, str(g), repr(g))
bg = BaseExceptionGroup("base", (KeyboardInterrupt(), ValueError()))
print(type(bg).__name__, isinstance(bg, Exception), isinstance(g, Exception), str(bg))
print(ExceptionGroup.__mro__)
print(issubclass(ExceptionGroup, Exception), issubclass(BaseExceptionGroup, Exception))

def attempt(label, f):
    try:
        f()
    except Exception as e:
        print(label, type(e).__name__, e)

attempt("no args", lambda: ExceptionGroup())
attempt("one arg", lambda: ExceptionGroup("x"))
attempt("not seq", lambda: ExceptionGroup("x", {ValueError()}))
attempt("empty", lambda: ExceptionGroup("x", []))
attempt("msg type", lambda: ExceptionGroup(1, [ValueError()]))
attempt("item", lambda: ExceptionGroup("x", [ValueError(), 2]))
attempt("nest base", lambda: ExceptionGroup("x", [KeyboardInterrupt()]))
attempt("nest base sub", lambda: Plain("x", [SystemExit()]))
attempt("bad matcher", lambda: eg.split(1))
attempt("bad tuple", lambda: eg.subgroup((ValueError, int)))
attempt("class matcher", lambda: eg.split(int))
attempt("readonly", lambda: setattr(eg, "message", "m"))
attempt("derive arity", lambda: eg.derive())
attempt("split arity", lambda: eg.split())
attempt("subgroup arity", lambda: eg.subgroup(ValueError, TypeError))
attempt("split keywords", lambda: eg.split(ValueError, x=1))
attempt("add_note arity", lambda: eg.add_note())
attempt("init keywords", lambda: ExceptionGroup("m", [ValueError()], x=1))
