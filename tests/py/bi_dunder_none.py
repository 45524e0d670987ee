# dunders set to None (__iter__, __hash__, __call__, __len__, __contains__) and protocol results checked by the builtins
def attempt(e, f):
    try: print(e, "->", repr(f()))
    except BaseException as ex: print(e, "!!", type(ex).__name__, ex)
class NI:
    __iter__ = None
class NE:
    def __eq__(self, o): return True
class NH:
    __hash__ = None
class NC:
    __call__ = None
class NL:
    __len__ = None
class NB:
    def __bool__(self): return 1
class NR:
    def __len__(self): return -1
class NX:
    __contains__ = None
attempt("iter(NI())", lambda: iter(NI()))
attempt("hash(NE())", lambda: hash(NE()))
attempt("hash(NH())", lambda: hash(NH()))
attempt("{NE()}", lambda: {NE()})
attempt("NC()()", lambda: NC()())
attempt("callable(NC())", lambda: callable(NC()))
attempt("len(NL())", lambda: len(NL()))
attempt("bool(NB())", lambda: bool(NB()))
attempt("len(NR())", lambda: len(NR()))
attempt("1 in NX()", lambda: 1 in NX())
attempt("list(NI())", lambda: list(NI()))
attempt("for in NI", lambda: [x for x in NI()])
