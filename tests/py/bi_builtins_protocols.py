# builtins through user-defined dunders: __format__, __len__, __hash__, __index__, __round__
def attempt(e, f):
    try: print(e, "->", repr(f()))
    except BaseException as ex: print(e, "!!", type(ex).__name__, ex)
class F:
    def __format__(self, spec): return "F<" + spec + ">"
    def __len__(self): return 3
    def __hash__(self): return 2**70
    def __iter__(self): return 5
    def __round__(self, n=None): return ("r", n)
    def __index__(self): return 6
    def __bool__(self): return True
class G:
    def __len__(self): return -1
class H:
    def __len__(self): return "x"
attempt("format(F(), 'abc')", lambda: (format(F(), 'abc'), f"{F():x}", format(F())))
attempt("len(F())", lambda: len(F()))
attempt("len(G())", lambda: len(G()))
attempt("len(H())", lambda: len(H()))
attempt("hash(F())", lambda: hash(F()))
attempt("iter(F())", lambda: iter(F()))
attempt("round(F())", lambda: (round(F()), round(F(), 2)))
attempt("hex(F())", lambda: (hex(F()), [1,2,3,4,5,6,7][F()], range(10)[F()]))
attempt("divmod", lambda: divmod(1, 0))
attempt("sorted(key)", lambda: sorted([3, 1], key=None))
attempt("min key none", lambda: min([3, 1], key=None))
attempt("sum strs", lambda: sum([], ''))
attempt("sum bytes", lambda: sum([], start=[]))
attempt("isinstance tuple nest", lambda: isinstance(1, (str, (int, float))))
attempt("callable(type)", lambda: (callable(F), callable(F()), callable(print)))
attempt("getattr(F, '__len__')", lambda: getattr(F(), '__len__')())
attempt("setattr", lambda: (setattr(F, 'x', 1), F.x))
attempt("delattr", lambda: (delattr(F, 'x'), hasattr(F, 'x')))
attempt("delattr missing", lambda: delattr(F, 'x'))
attempt("dir(None)[:3]", lambda: dir(None)[:3])
attempt("vars(F)['__format__']", lambda: vars(F)['__format__'].__name__)
attempt("max(iter)", lambda: max(iter([1, 5, 2])))
attempt("max strings", lambda: max("apple", "pear", key=len))
attempt("min two kw", lambda: min(1, 2, key=lambda x: -x))
attempt("abs(F())", lambda: abs(F()))
attempt("bool(F())", lambda: bool(F()))
attempt("ord(b'a')", lambda: ord(chr(0x1F600)))
attempt("chr(0x110000)", lambda: chr(0x110000))
attempt("chr('a')", lambda: chr('a'))
attempt("ascii(F)", lambda: ascii('\n\t\x00\u1234'))
attempt("repr(NotImplemented)", lambda: (repr(NotImplemented), repr(...), bool(NotImplemented) if False else 1))
attempt("id(None)", lambda: type(id(None)).__name__)
attempt("__debug__", lambda: __debug__)
attempt("round(1.5)", lambda: (round(1.5), round(2.5), round(-0.5), round(1.25, 1), round(5.5, None)))
attempt("pow(0, -1)", lambda: pow(0, -1))
attempt("pow(2, 0.5)", lambda: pow(2, 0.5))
attempt("pow(-8, 1/3)", lambda: type(pow(4, -2)).__name__)
attempt("next(x, default)", lambda: next(iter([]), None))
attempt("iter(iter)", lambda: (lambda i: iter(i) is i)(iter([1])))
