class Validating(type):
    def __new__(mcls, name, bases, ns):
        for k, v in ns.items():
            if k.startswith("bad_"):
                raise ValueError(f"{name}.{k} is not allowed")
        return super().__new__(mcls, name, bases, ns)
class Fine(metaclass=Validating):
    ok = 1
print(Fine.ok)
class Broken(metaclass=Validating):
    bad_attr = 2
