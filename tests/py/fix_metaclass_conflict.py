# type(name, bases, ns) computes the winning metaclass first (_PyType_CalculateMetaclass).
class Meta(type):
    pass


class Other(type):
    pass


A = Meta("A", (), {})
B = Other("B", (), {})
for bases in [(1,), (A, B), (A,), ("x", int)]:
    try:
        print(type("X", bases, {}))
    except TypeError as e:
        print("TypeError:", e)
print(type(type("Y", (A,), {})).__name__)
