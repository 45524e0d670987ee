print("before class")
class Tracker:
    print("body start")
    a = print("attr a") or 1
    def method(self):
        pass
    print("body end", sorted(k for k in locals() if not k.startswith("__")))
print("after class", Tracker.__name__, Tracker.__qualname__, Tracker.__module__)
def deco(cls):
    print("decorating", cls.__name__)
    cls.decorated = True
    return cls
@deco
class D:
    print("D body")
print(D.decorated, list(k for k in D.__dict__ if not k.startswith("__")))
class Outer:
    class Inner:
        pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__)
