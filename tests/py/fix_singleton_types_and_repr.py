# Calling the singletons' types; repr() must return a str (a subclass too).
print(type(None)(), type(NotImplemented)(), type(...)())
for t in (type(None), type(...)):
    try: t(1)
    except TypeError as e: print(e)
class R(str): pass
class X:
    def __repr__(self): return R("r")
print(repr(X()), [X()])
class Bad:
    def __repr__(self):
        return 42
for f in (repr, lambda o: [o], lambda o: f"{o!r}"):
    try:
        print(f(Bad()))
    except TypeError as e:
        print(e)
