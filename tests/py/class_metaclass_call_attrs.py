class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __repr__(cls):
        return f"<class {cls.__name__} via Registry>"
    def __len__(cls):
        return len(cls.__dict__)
    def describe(cls):
        return f"{cls.__name__} has {sorted(k for k in cls.__dict__ if not k.startswith('__'))}"
class A(metaclass=Registry):
    x = 1
class B(A):
    y = 2
print(Registry.classes, A, repr(B), B.describe(), isinstance(len(A), int))
try:
    B().describe()
except AttributeError as e:
    print(e)
