class P:
    pass
p = P()
print(p.__class__.__name__, p.__module__, type(p.__dict__).__name__, p.__eq__(p), p.__eq__(1), p.__ne__(1), p.__lt__(p))
print(P.__name__, P.__qualname__, P.__bases__, P.__doc__, object.__doc__[:30], P.__init__ is object.__init__, p.__sizeof__() > 0)
print(p.__format__("") == str(p), str(p) == repr(p), p.__reduce_ex__ is not None, p.__dir__ is not None)
print(p.__init_subclass__ is not None, P.__subclasshook__(P), P.__subclasses__(), object.__subclasses__ is not None)
class Q(P):
    pass
print([c.__name__ for c in P.__subclasses__()])
