class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Both:
    def __bool__(self):
        return True
    def __len__(self):
        return 0
print(bool(Empty()), bool(Full()), bool(Both()), not Empty(), "yes" if Full() else "no", [x for x in [Empty(), Full(), Both()] if x].__len__())
class BoolRaises:
    def __bool__(self):
        raise ValueError("no truth")
try:
    if BoolRaises():
        pass
except ValueError as e:
    print(e)
