# Constructors of builtin types refuse keyword arguments for the type itself and for a
# subclass that keeps the builtin's __init__ (or __new__ for list); a subclass that defines its
# own __init__ or __new__ may take keywords.
cases = [(list, [1, 2]), (tuple, (1, 2)), (float, 2.5), (frozenset, {1}), (set, {1}), (int, 7), (str, "s")]
for base, arg in cases:
    class Plain(base):
        pass

    class WithInit(base):
        def __init__(self, value, newarg=None):
            if base in (list, set):
                super().__init__(value)
            self.newarg = newarg

    class WithNew(base):
        def __new__(cls, value, newarg=None):
            self = super().__new__(cls, value) if base not in (list, set) else super().__new__(cls)
            if base in (list, set):
                base.__init__(self, value)
            self.newarg = newarg
            return self

    for cls in (base, Plain):
        try:
            cls(arg, bogus=1)
            print(base.__name__, cls.__name__, "accepted")
        except TypeError as exc:
            print(base.__name__, cls.__name__, "TypeError:", exc)
    for cls in (WithInit, WithNew):
        try:
            u = cls(arg, newarg=3)
            print(base.__name__, cls.__name__, type(u).__name__, base(u) == base(arg), u.newarg)
        except TypeError as exc:
            print(base.__name__, cls.__name__, "TypeError:", exc)
