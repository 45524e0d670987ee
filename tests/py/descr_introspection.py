# __name__, __qualname__ and __objclass__ of the descriptors builtin types put in their dicts.
for cls, name in [(list, "append"), (list, "pop"), (dict, "get"), (str, "join"), (bytes, "hex"),
                  (set, "add"), (int, "bit_length")]:
    d = cls.__dict__[name]
    print(type(d).__name__, d.__name__, d.__qualname__, d.__objclass__ is cls)

for cls, name in [(type, "__name__"), (type, "__qualname__"), (type, "__dict__"), (int, "real")]:
    d = cls.__dict__[name]
    print(type(d).__name__, d.__name__, d.__qualname__, d.__objclass__ is cls)

print(list.append == list.append, list.append != list.pop)
try:
    type(list.append).__dict__["__name__"].__get__(42)
except TypeError as e:
    print("TypeError:", e)
