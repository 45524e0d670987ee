for obj in [[], (), "", b"", {}, set(), frozenset(), range(0), {}.keys(), {}.values(), {}.items(), bytearray()]:
    print(type(obj).__name__, type(iter(obj)).__name__)
