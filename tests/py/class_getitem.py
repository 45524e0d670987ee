class Box:
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(Box[int], Box["x"], Box[1, 2])
print(list[int], dict[str, int], tuple[int, ...], type(list[int]).__name__, list[int].__origin__ is list, list[int].__args__)
print(list[int]() == [], isinstance([], list))
try:
    int[str]
except TypeError as e:
    print(e)
