# Builtin types' doc strings (tp_doc), class docs, and the reprs of getset descriptors.
import sys
print(repr(ValueError.__doc__), repr(int.__doc__)[:40], repr(object.__doc__)[:30], (1).__doc__ == int.__doc__)
print(repr(type.__doc__)[:50], repr(type(None).__doc__), repr(type(len).__doc__), repr(list.__doc__))
class A: pass
class B(int): pass
class C(int):
    "doc"
print(A.__doc__, B.__doc__, C.__doc__, C().__doc__, B().__doc__)
print(repr(type(sys).__doc__), repr(BaseException.__doc__), repr(KeyError.__doc__))
print(vars(int)["real"], vars(type)["__dict__"], type.__dict__["__doc__"])
print([t.__name__ for t in (dict, str, tuple, float, range, slice, property, staticmethod) if t.__doc__ is None])
