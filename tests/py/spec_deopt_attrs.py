# Attribute loads and stores that were specialised, then invalidated.


class Base:
    kind = "base"

    def greet(self):
        return "base greet"


class Child(Base):
    def __init__(self, v):
        self.v = v


def read_all(objs):
    out = []
    for o in objs:
        out.append((o.v, o.kind, o.greet()))
    return out


kids = [Child(i) for i in range(4)]
print(read_all(kids))
print(read_all(kids))

# A class attribute of the base changes after specialisation: the subclass sees it.
Base.kind = "changed"
print(read_all(kids))


# The method is replaced on the base class.
def new_greet(self):
    return "new greet " + str(self.v)


Base.greet = new_greet
print(read_all(kids))

# The subclass overrides the method later.
Child.greet = lambda self: "child greet"
print(read_all(kids))

# An instance shadows the method with an attribute of its own.
kids[2].greet = lambda: "instance greet"
print(read_all(kids))


# Instance attribute stores, then a different class at the same instruction.
class Other:
    def __init__(self):
        self.v = 0


def bump(objs):
    for o in objs:
        o.v = o.v + 1
    return [o.v for o in objs]


print(bump(kids))
print(bump(kids))
print(bump([Other(), kids[0], Other()]))

# Attribute deleted after specialisation: AttributeError with CPython's message.
def get_v(o):
    return o.v


for k in kids:
    get_v(k)
del kids[1].v
try:
    get_v(kids[1])
except AttributeError as e:
    print("AttributeError:", e)


# A class attribute read through the class, then changed.
class Config:
    size = 3


def size():
    return Config.size


print([size() for _ in range(3)])
Config.size = 10
print([size() for _ in range(3)])
del Config.size
try:
    size()
except AttributeError as e:
    print("AttributeError:", e)


# Methods of builtin types (no instance dict).
def join_all(parts):
    acc = []
    for p in parts:
        acc.append(p.upper())
    return "-".join(acc)


print(join_all(["a", "b", "c"]))
print(join_all(["x", "y"]))
