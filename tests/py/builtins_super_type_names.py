for t in [int, float, complex, str, bytes, bytearray, list, tuple, dict, set, frozenset, bool, type, object, range, slice, memoryview, property, staticmethod, classmethod, super, enumerate, zip, map, filter, reversed, BaseException]:
    print(t.__name__, t.__qualname__, t.__module__, repr(t))
