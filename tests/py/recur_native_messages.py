# Which limit native recursion hits decides the message: the Python frames' limit
# (no suffix) or the native one (the protocol's suffix).
def catch(what, f):
    try:
        f()
        print(what, "no error")
    except RecursionError as e:
        print(what, "->", e)

def nest(n, make):
    x = make(None)
    for _ in range(n):
        x = make(x)
    return x

catch("nested list repr", lambda: repr(nest(20000, lambda x: [x])))
catch("nested tuple str", lambda: str(nest(20000, lambda x: (x,))))
catch("nested dict ==", lambda: nest(20000, lambda x: {1: x}) == nest(20000, lambda x: {1: x}))
catch("nested list <", lambda: nest(20000, lambda x: [x]) < nest(20000, lambda x: [x]))
print("5000 deep prints:", len(repr(nest(5000, lambda x: [x]))))

class Str:
    def __str__(self):
        return str(self)
catch("__str__ -> str", lambda: str(Str()))

class Call:
    def __call__(self):
        return self()
catch("__call__ -> call", lambda: Call()())

class Lt:
    def __lt__(self, other):
        return self < other
catch("__lt__ -> <", lambda: Lt() < Lt())

class Cont:
    def __contains__(self, x):
        return x in self
catch("__contains__ -> in", lambda: 1 in Cont())

class Len:
    def __len__(self):
        return len(self)
catch("__len__ -> len", lambda: len(Len()))

class Prop:
    @property
    def p(self):
        return self.p
catch("property -> getattr", lambda: Prop().p)

class Iter:
    def __iter__(self):
        return iter(self)
catch("__iter__ -> iter", lambda: iter(Iter()))

def gen():
    yield from gen()
catch("yield from itself", lambda: next(gen()))

class Meta(type):
    def __instancecheck__(cls, obj):
        return isinstance(obj, cls)
class M(metaclass=Meta):
    pass
catch("__instancecheck__", lambda: isinstance(1, M))

print("still fine:", sum(range(10)))
