def f():
    counter = 1
    try:
        print(countr)
    except NameError as e:
        print(e)
f()
value = 1
try:
    valeu
except NameError as e:
    print(e, e.name)
try:
    lenn([])
except NameError as e:
    print(e)
try:
    totally_unknown_xyz
except NameError as e:
    print(e)
class C:
    def __init__(self):
        self.temperature = 1
    def method(self):
        pass
try:
    C().temprature
except AttributeError as e:
    print(e, e.name, type(e.obj).__name__)
try:
    C().methd()
except AttributeError as e:
    print(e)
