class Duck:
    def __iter__(self):
        return iter([])
print(isinstance(Duck(), object), issubclass(Duck, object), isinstance([], (tuple, list)), isinstance(True, (bool,)))
print(isinstance(1, int | float), isinstance("x", int | None), isinstance(None, int | None), (int | str).__args__)
print(int | str == str | int, repr(int | None), type(int | str).__name__)
try:
    isinstance(1, list[int])
except TypeError as e:
    print(e)
