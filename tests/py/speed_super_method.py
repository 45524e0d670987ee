# super().name(...) method loads: Python functions, slot wrappers, method descriptors,
# classmethods, staticmethods and properties, and the attribute form super().name.
class AppError(Exception):
    def __init__(self, code):
        super().__init__(code, "x")
        self.code = code


for i in range(60):
    e = AppError(i)
print(e.args, e.code)


class L(list):
    def __init__(self, items):
        super().__init__(items)

    def append(self, x):
        super().append(x * 2)

    def __len__(self):
        return super().__len__() + 100

    def probe(self):
        a = super().append
        return type(a).__name__, a.__name__, a.__self__ is self


l = L([1, 2])
for i in range(60):
    l.append(i)
print(l[:5], len(l), l.probe())


class Base:
    def f(self, x):
        return ("Base.f", x)

    @classmethod
    def c(cls, x):
        return ("Base.c", cls.__name__, x)

    @staticmethod
    def s(x):
        return ("Base.s", x)

    @property
    def p(self):
        return ("Base.p", type(self).__name__)

    k = 42


class Child(Base):
    def f(self, x):
        return super().f(x + 1)

    @classmethod
    def c(cls, x):
        return super().c(x)

    def g(self):
        return super().s(1), super().p, super().k, super().c(2)

    def bound(self):
        m = super().f
        return type(m).__name__, m(10), m.__self__ is self


ch = Child()
for i in range(60):
    r = ch.f(i), Child.c(i), ch.g(), ch.bound()
print(r)


# A slot wrapper called with the wrong arguments through super().
class O:
    def __init__(self):
        super().__init__(1)


try:
    O()
except TypeError as e:
    print("TypeError", e)


# object.__init__ through super() with an overridden __init__: allowed extra arguments? no.
class P:
    def __init__(self, *a):
        super().__init__()
        self.a = a


print([P(i).a for i in range(3)])


# A missing attribute through super().
class M(Base):
    def miss(self):
        return super().nothing()


try:
    M().miss()
except AttributeError as e:
    print("AttributeError", e)


# The method replaced on the base class while the site is warm.
def newf(self, x):
    return ("new", x)


for i in range(3):
    if i == 2:
        Base.f = newf
    print(ch.f(i))

# super() of a type: classmethod found through a class.
print(super(Child, Child).c(5), super(Child, ch).f(7))
