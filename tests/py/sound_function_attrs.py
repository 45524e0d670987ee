# A function's attributes are written through a shared reference; replacing one drops the old
# value, whose destructor may run Python code that writes the same attribute again.


class Name(str):
    def __del__(self):
        log.append(f"del {str(self)!r}")
        if str(self) == "first":
            f.__name__ = "from_del"
            f.__qualname__ = "Q.from_del"


log = []


def f(a, b=1, *, c=2):
    return a + b + c


f.__name__ = Name("first")
f.__name__ = "second"
print(f.__name__, f.__qualname__, log)


class Dflt:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        log.append(f"del default {self.tag}")
        if self.tag == 1:
            f.__defaults__ = (100,)
            f.__kwdefaults__ = {"c": 200}


log.clear()
f.__defaults__ = (Dflt(1),)
f.__defaults__ = (10,)
print(f.__defaults__, f.__kwdefaults__, f(1), log)

# SET_FUNCTION_ATTRIBUTE and attribute reads during a call that rebinds them
def g(x=[]):
    g.__defaults__ = ([1, 2],)
    x.append(len(x))
    return x


print(g(), g(), g.__defaults__)

# __doc__, __module__, __annotations__ replaced while old values have destructors
class Doc(str):
    def __del__(self):
        log.append("del doc")
        f.__doc__ = "set by del"


log.clear()
f.__doc__ = Doc("doc")
f.__doc__ = None
print(repr(f.__doc__), log)


def h(a: int) -> str:
    pass


ann = h.__annotations__
h.__annotations__ = {"b": float}
print(ann, h.__annotations__)
h.__module__ = "elsewhere"
print(h.__module__, h.__closure__)


def outer():
    v = 1

    def inner():
        return v

    return inner


inner = outer()
print(inner.__closure__[0].cell_contents, inner())
try:
    inner.__closure__ = ()
except AttributeError as e:
    print("AttributeError:", e)
try:
    f.__defaults__ = [1]
except TypeError as e:
    print("TypeError:", e)
try:
    f.__name__ = 3
except TypeError as e:
    print("TypeError:", e)
try:
    f()
except TypeError as e:
    print("TypeError:", e)
print(repr(f)[:22])
print("done")
