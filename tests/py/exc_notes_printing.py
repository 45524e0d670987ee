# __notes__ when printed: multi-line notes, non-list __notes__, notes on chained exceptions.
try:
    e = ValueError("v")
    e.add_note("first")
    e.add_note("multi\nline")
    raise e
except ValueError as caught:
    print(caught.__notes__, caught.__dict__)

e = KeyError("k")
e.__notes__ = ("tuple", "notes")
try:
    e.add_note("more")
except TypeError as t:
    print("TypeError:", t)
try:
    e.add_note(3)
except TypeError as t:
    print("TypeError:", t)
del e.__notes__
print(hasattr(e, "__notes__"))

class Odd(Exception):
    pass

def inner():
    o = Odd("odd one")
    o.__notes__ = "a string is not a sequence of notes"
    raise o

def outer():
    try:
        inner()
    except Odd as o:
        n = RuntimeError("outer")
        n.add_note("outer note")
        raise n from o

outer()
