print(range(3), slice(1, 2), repr(range(1, 10, 2)), Ellipsis, ..., NotImplemented, repr(None))
print(type(range(1)).__name__, type(slice(1)).__name__, type(zip()).__name__, type(reversed([])).__name__, type(enumerate([])).__name__)
print(bool(NotImplemented) if False else "skip-notimpl-bool")
