class Config(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)
match Config(a=1, b=2):
    case {"a": 1, "z": _}:
        print("has z")
    case {"b": b}:
        print("b is", b)
match {"key": None}:
    case {"key": None}:
        print("None value matched")
match {}:
    case {"missing": _}:
        print("no")
    case {}:
        print("empty mapping pattern matches any mapping")
