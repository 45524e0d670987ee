import warnings
warnings.simplefilter("always")
X = type("MyClass", (), {1: 2})
class meta(type):
    def __new__(mcls, name, bases, ns):
        ns[1] = 2
        return super().__new__(mcls, name, bases, ns)
Y = meta("Other", (), {})
print("done")
