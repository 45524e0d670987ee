from .core import engine
__all__ = ["engine", "VERSION"]
VERSION = (1, 2)
