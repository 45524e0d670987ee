class Thing:
    colour = "red"
    def __init__(self):
        self.size = 1
t = Thing()
for name in ["colr", "sise", "zzz", "__len__"]:
    try:
        getattr(t, name)
    except AttributeError as e:
        print(e)
try:
    Thing.nothing
except AttributeError as e:
    print(e)
try:
    (1).foo
except AttributeError as e:
    print(e)
try:
    None.upper()
except AttributeError as e:
    print(e)
try:
    "abc".appendx("d")
except AttributeError as e:
    print(e)
try:
    [].add(1)
except AttributeError as e:
    print(e)
try:
    object().x = 1
except AttributeError as e:
    print(e)
