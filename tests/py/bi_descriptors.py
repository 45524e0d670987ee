# property, staticmethod, classmethod, super: behaviour and messages
class C:
    @property
    def x(self):
        "the x doc"
        return 1
    @staticmethod
    def s(a): return a
    @classmethod
    def c(cls, a): return (cls.__name__, a)
    y = property(lambda self: 2, doc="ydoc")
o = C()
def attempt(e, f):
    try: print(e, "->", repr(f()))
    except BaseException as ex: print(e, "!!", type(ex).__name__, ex)
attempt("o.x", lambda: o.x)
attempt("set o.x", lambda: setattr(o, "x", 5))
attempt("del o.x", lambda: delattr(o, "x"))
attempt("C.y.__doc__", lambda: C.y.__doc__)
attempt("C.x.fget.__name__", lambda: C.x.fget.__name__)
attempt("C.x.fset", lambda: C.x.fset)
attempt("C.s(3)", lambda: C.s(3))
attempt("o.s(3)", lambda: o.s(3))
attempt("o.c(3)", lambda: o.c(3))
attempt("C.c(3)", lambda: C.c(3))
attempt("C.__dict__['s'].__func__.__name__", lambda: C.__dict__['s'].__func__.__name__)
attempt("C.__dict__['c'].__wrapped__.__name__", lambda: C.__dict__['c'].__wrapped__.__name__)
attempt("property(1,2,3,4,5)", lambda: property(1,2,3,4,5))
attempt("property()(1)", lambda: property().__get__(1))
attempt("staticmethod()", lambda: staticmethod())
attempt("classmethod(1,2)", lambda: classmethod(1,2))
attempt("super()", lambda: super())
attempt("super(1)", lambda: super(1))
attempt("super(C, 1)", lambda: super(C, 1))
attempt("super(C, o)", lambda: super(C, o))
attempt("super(C, C)", lambda: super(C, C))
attempt("super(C)", lambda: super(C))
attempt("super(C, o).nope", lambda: super(C, o).nope)
attempt("type(C.__dict__['s'])", lambda: (type(C.__dict__['s']), type(C.__dict__['c']), type(C.x)))
attempt("C.__dict__['s']", lambda: repr(C.__dict__['s'])[:25])
attempt("o.c", lambda: repr(o.c)[:30])
class D(C):
    @C.x.setter
    def x(self, v): print("set", v)
    def m(self): return super().c(9)
    def __init__(self):
        super().__init__()
        s = super()
        print(type(s).__name__, s.__thisclass__.__name__, s.__self_class__.__name__, s.__self__ is self)
d = D()
attempt("d.x", lambda: d.x)
attempt("d.x=3", lambda: setattr(d, "x", 3))
attempt("del d.x", lambda: delattr(d, "x"))
attempt("d.m()", lambda: d.m())
attempt("super(D, d).x", lambda: super(D, d).x)
attempt("super(D, D).c", lambda: super(D, D).c(1))
attempt("super(D, d).s", lambda: super(D, d).s(1))
class P:
    def _get(self): return self._v
    def _set(self, v): self._v = v
    def _del(self): print("deleting"); del self._v
    v = property(_get, _set, _del, "doc v")
p = P()
p.v = 10
print(p.v, P.v.__doc__)
del p.v
attempt("p.v", lambda: p.v)
class Q:
    @property
    def a(self): raise AttributeError("inner")
attempt("Q().a", lambda: Q().a)
class Slot:
    __slots__ = ()
print(property.__name__, staticmethod.__name__, classmethod.__name__, super.__name__)
def f(): pass
sm = staticmethod(f)
print(sm.__func__ is f, callable(sm), sm() )
cm = classmethod(f)
print(cm.__func__ is f)
class R:
    def __init__(self): self.__class__
    @property
    def name(self): return "R"
    @name.deleter
    def name(self): print("del name")
del R().name
attempt("R().name = 1", lambda: setattr(R(), "name", 1))
