class NoMatchArgs:
    pass
try:
    match NoMatchArgs():
        case NoMatchArgs(1):
            pass
except TypeError as e:
    print(e)
class BadMatchArgs:
    __match_args__ = ["a"]
try:
    match BadMatchArgs():
        case BadMatchArgs(a):
            pass
except TypeError as e:
    print(e)
class P:
    __match_args__ = ("x",)
    def __init__(self):
        self.x = 1
try:
    match P():
        case P(x, x=2):
            pass
except TypeError as e:
    print(e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print(e)
