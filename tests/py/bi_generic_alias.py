# types.GenericAlias: list[int] and friends, __class_getitem__, __mro_entries__, isinstance refusal
print(list[int], dict[str, list[int]], tuple[()], tuple[int, ...], type[int], list[int] == list[int], list[int] == list[str], list[int] != list)
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a(), a([1,2]), a.__name__, a.append)
print(hash(list[int]) == hash(list[int]))
try: isinstance([], list[int])
except TypeError as e: print(e)
try: issubclass(list, list[int])
except TypeError as e: print(e)
class X(list[int]): pass
print(X.__bases__, X.__orig_bases__, X.__mro__)
print(repr(list['x']), list[1, 2], dict[str])
print(type(list[int]).__name__)
print(set[int], frozenset[str], enumerate[int])
def f(xs: list[int], m: dict[str, tuple[int, ...]]) -> set[str]:
    return set(map(str, xs))
print(sorted(f([3, 1], {})))
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item!r}]"
print(Box[int], Box["x"])
try:
    int[str]
except TypeError as e:
    print(e)
