# throw() of a class whose instantiation fails throws that failure into the generator
# (CPython normalises the exception first): an unstarted generator is finished by it, and a
# running one can catch it.
class E(Exception):
    def __new__(cls, *args, **kwargs):
        return cls

def boring():
    yield

g = boring()
try:
    g.throw(E)
except TypeError as e:
    print("TypeError:", e)
try:
    next(g)
except StopIteration:
    print("finished")

def catcher():
    try:
        yield 1
    except TypeError as e:
        print("caught inside:", e)
    yield 2

c = catcher()
next(c)
print(c.throw(E))

class Bad(Exception):
    def __init__(self):
        raise KeyError("from __init__")

def gen2():
    try:
        yield 1
    except KeyError as e:
        print("inside got", repr(e))
        yield "recovered"

h = gen2()
next(h)
print(h.throw(Bad))
try:
    boring().throw(1)
except TypeError as e:
    print("direct:", e)
x = boring()
try:
    x.throw(ValueError("v"), 1)
except TypeError as e:
    print("direct:", e)
print(next(x, "still unstarted"))
