# Class patterns read attributes through the full getattr protocol (__getattr__ included):
# AttributeError is a failed match, any other error propagates.
class Dyn:
    __match_args__ = ("a", "b")
    def __getattr__(self, name):
        if name == "a":
            return "A"
        raise AttributeError(name)
match Dyn():
    case Dyn(x, y):
        print("both", x, y)
    case Dyn(x):
        print("only a", x)

class Boom:
    __match_args__ = ("a",)
    def __getattr__(self, name):
        raise KeyError(name)
try:
    match Boom():
        case Boom(q):
            pass
except KeyError as e:
    print("KeyError propagates", e)

