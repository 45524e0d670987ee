# A suspended generator that goes away is closed: its finally blocks and with-exits run, also
# when it is suspended inside `yield from`.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("enter", self.name)
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__)

def managed(name):
    with CM(name):
        yield 1
        yield 2

def delegating():
    try:
        yield from managed("inner")
    finally:
        print("delegating finally")

g = managed("a")
next(g)
del g
print("after del a")

g = delegating()
next(g)
g = None
print("after rebinding")

def loop_break():
    for x in managed("loop"):
        print("got", x)
        break
    print("after break")
loop_break()

def never_started():
    try:
        yield 1
    finally:
        print("never printed")
g = never_started()
del g
print("done")

# A generator finalised while its owner closes can read the owner.
class Holder:
    pass
h = Holder()
def inner_reader():
    try:
        yield 1
    finally:
        print("inner finally sees", h.owner.gi_code.co_name, h.owner.gi_suspended)
def owner():
    it = inner_reader()
    next(it)
    yield 1
h.owner = owner()
next(h.owner)
h.owner.close()
print("closed owner")
