# An uncaught TypeError from a class pattern, with its traceback.
class Config:
    __match_args__ = ("name", 3)
    name = "c"

def load(c):
    match c:
        case Config(n, v):
            return n, v

print("start")
load(Config())
