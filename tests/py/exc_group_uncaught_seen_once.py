# The same exception reachable twice: expanded once (CPython's seen set).
shared = ValueError("shared")
try:
    raise shared
except ValueError:
    pass
a = KeyError("a")
a.__context__ = shared
b = TypeError("b")
b.__cause__ = shared
raise ExceptionGroup("twice", [a, b, shared])
