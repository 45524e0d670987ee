print(bool(), bool(0), bool(1), bool(""), bool("0"), bool([]), bool([0]), bool(None), bool(0.0), bool(-0.0), bool(0j), bool(range(0)), bool({}), bool(set()))
class T:
    def __bool__(self):
        return False
class L:
    def __len__(self):
        return 0
class Bad:
    def __bool__(self):
        return 1
print(bool(T()), bool(L()), not T(), callable(T), callable(T()), callable(print), callable(lambda: 0), callable("x"))
try:
    bool(Bad())
except TypeError as e:
    print(e)
class BadLen:
    def __len__(self):
        return -1
try:
    bool(BadLen())
except ValueError as e:
    print(e)
