# object.__new__/object.__init__ argument rules through super(), as CPython's object_new/object_init
def attempt(e, f):
    try: print(e, "->", repr(f())[:20])
    except BaseException as ex: print(e, "!!", type(ex).__name__, ex)
class A:
    def __new__(cls, x):
        return super().__new__(cls, x)
class B:
    def __init__(self, x):
        super().__init__(x)
class C:
    pass
class D:
    def __init__(self, x):
        self.x = x
class E:
    def __new__(cls, *a):
        return super().__new__(cls)
attempt("A(1)", lambda: A(1))
attempt("B(1)", lambda: B(1))
attempt("C(1)", lambda: C(1))
attempt("D(1)", lambda: D(1).x)
attempt("E(1, 2)", lambda: type(E(1, 2)).__name__)
attempt("object(1)", lambda: object(1))
attempt("object.__init__(C(), 1)", lambda: object.__init__(C(), 1))
attempt("object.__new__(C, 1)", lambda: object.__new__(C, 1))
attempt("object.__new__(D, 1)", lambda: type(object.__new__(D, 1)).__name__)
