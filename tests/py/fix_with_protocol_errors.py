# with: __enter__/__exit__ are looked up on the type; CPython 3.13's TypeErrors when missing.
class OnlyEnter:
    def __enter__(self): return 1
class Inst:
    pass
i = Inst(); i.__enter__ = lambda: 1; i.__exit__ = lambda *a: None
for m in (5, OnlyEnter(), i):
    try:
        with m:
            pass
    except TypeError as e:
        print(e)
class Good:
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit", a[0]); return True
with Good() as g:
    raise ValueError
print("after")
