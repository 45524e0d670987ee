def documented(a, b: int = 2, *args, c: str = "x", **kw) -> list:
    """Doc string here."""
    return []
print(documented.__name__, documented.__qualname__, documented.__doc__, documented.__defaults__, documented.__kwdefaults__)
print(documented.__annotations__, documented.__code__.co_argcount, documented.__code__.co_kwonlyargcount, documented.__code__.co_varnames[:5])
class K:
    def method(self):
        def inner():
            pass
        return inner
print(K.method.__qualname__, K().method().__qualname__, documented.__module__)
documented.custom = 42
print(documented.custom, documented.__dict__)
print(callable(documented), callable(1), type(documented).__name__, type(K().method).__name__, type(len).__name__)
