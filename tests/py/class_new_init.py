class Singleton:
    _inst = None
    def __new__(cls, *a):
        print("__new__", a)
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
    def __init__(self, v):
        print("__init__", v)
        self.v = v
a = Singleton(1)
b = Singleton(2)
print(a is b, a.v)
class NotMine:
    def __new__(cls):
        return 42
    def __init__(self):
        print("never")
print(NotMine())
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError as e:
    print(e)
try:
    object(1)
except TypeError as e:
    print(e)
class NoInit:
    pass
try:
    NoInit(1)
except TypeError as e:
    print(e)
