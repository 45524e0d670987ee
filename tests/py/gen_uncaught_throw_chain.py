# An exception thrown into a generator suspended in a chain of `yield from` travels to the
# innermost frame; uncaught, its traceback lists every generator frame.
def innermost():
    yield "ready"

def middle():
    yield from innermost()

def outer():
    yield from middle()

g = outer()
print(next(g))
g.throw(ValueError("thrown in"))
