T = type("T", (), {"x": 1, "f": lambda self: self.x * 2})
print(T.__name__, T().f(), T.__bases__, type(T()).__name__)
U = type("U", (T,), {})
print(U().f(), U.__mro__[1].__name__)
print(type(None).__name__, type(...).__name__, type(NotImplemented).__name__, type(type).__name__, type(print).__name__)
try:
    type("X", (1,), {})
except TypeError as e:
    print(e)
try:
    type(1, 2)
except TypeError as e:
    print(e)
