print(list[int], dict[str, list[int]], type(list[int]))
try:
    isinstance([], list[int])
except TypeError as e: print(e)
class Meta(type):
    def __instancecheck__(cls, inst): return inst == 42
    def __subclasscheck__(cls, sub): return sub is int
class C(metaclass=Meta): pass
print(isinstance(42, C), isinstance(1, C), issubclass(int, C), issubclass(str, C))
u = int | str
print(u, type(u), isinstance(1, u), isinstance(1.0, u), issubclass(bool, int | None))
print(int | None, None | int, (int | str) == (str | int), u.__args__)
import types
u = int | str
print(int | int, type(int | int), int | str | int, (int | str) | (float | int))
print(u.__args__, u.__parameters__, hash(int | str) == hash(str | int))
print(int | None, None | int, list[int] | None, type(list[int] | None))
print(repr(int | types.NoneType), types.UnionType, type(u).__module__, type(u).__name__)
try: int | "str"
except TypeError as e: print(e)
try: 1 | int
except TypeError as e: print(e)
try:
    class C(int | str): pass
except TypeError as e: print(e)
print(isinstance(None, int | None), isinstance("s", (float, int | str)), issubclass(bool, str | int))
try: isinstance(1, int | list[int])
except TypeError as e: print(e)
try: isinstance(1, 1)
except TypeError as e: print(e)
try: issubclass(1, int)
except TypeError as e: print(e)
try: issubclass(int, 1)
except TypeError as e: print(e)
print((int | str) == (int | str | int), (int | str) != int)
print(u | None, (int | str).__or__(list))
print(type(list[int]).__name__, type(list[int]).__module__, type(int | str).__qualname__)
print(list[int] | int | None, (int | list[int]) == (list[int] | int))
try: hash(int | list) == hash(list | int) and print("hash ok")
except TypeError as e: print(e)
d = {int | str: "u"}
print(d[str | int])
try: (int | str)()
except TypeError as e: print(e)
