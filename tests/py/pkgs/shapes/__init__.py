print("shapes package init")
from .square import Square
from . import circle
__all__ = ["Square", "circle", "describe"]
def describe():
    return f"shapes with {Square.__name__}"
_internal = 1
not_exported = 2
