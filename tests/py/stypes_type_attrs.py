# __name__, __qualname__, __module__ and __doc__ of a class can be assigned.
class Outer:
    class Inner:
        """Inner doc."""


I = Outer.Inner
print(I.__name__, I.__qualname__, I.__module__, I.__doc__, I)
I.__name__ = "Renamed"
print(I.__name__, I.__qualname__, I, repr(I()).split(" object")[0])
I.__qualname__ = "Somewhere.Else"
print(I.__name__, I.__qualname__, I, repr(I()).split(" object")[0])
I.__module__ = "elsewhere"
print(I.__module__, I, I.__dict__["__module__"])
I.__doc__ = "New doc."
print(I.__doc__, I().__doc__)
I.__doc__ = None
print(I.__doc__)

for stmt in [
    "I.__name__ = 3",
    "I.__qualname__ = None",
    "I.__name__ = 'a\\x00b'",
    "del I.__name__",
]:
    try:
        exec(stmt)
        print("ok", stmt)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
print(I.__name__)


class NoDoc:
    pass


print(NoDoc.__doc__, NoDoc().__doc__)


class Sub(I):
    pass


print(Sub.__name__, Sub.__qualname__, Sub.__bases__, Sub.__doc__)
I.__name__ = 42
