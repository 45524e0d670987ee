# Properties read at sites whose owners alternate between classes (the specialised form misses
# and the generic LOAD_ATTR runs the getter), getters that raise, are replaced, or are shadowed.
class Shape:
    def __init__(self, w, h):
        self.w = w
        self.h = h

    @property
    def perimeter(self):
        return 2 * (self.w + self.h)


class Square(Shape):
    def __init__(self, s):
        super().__init__(s, s)


class Other:
    perimeter = property(lambda self: -1)


def total(objs):
    t = 0
    for o in objs:
        t += o.perimeter
    return t


objs = [Shape(i, i + 1) if i % 2 else Square(i) for i in range(200)] + [Other()] * 3
print(total(objs))
print(total(objs))


class Bad(Shape):
    @property
    def perimeter(self):
        return self.missing


try:
    total(objs[:150] + [Bad(1, 2)])
except AttributeError as e:
    print("AttributeError", e, e.name, type(e.obj).__name__)


class Boom(Shape):
    @property
    def perimeter(self):
        raise ValueError("boom", self.w)


try:
    total(objs[:150] + [Boom(3, 4)])
except ValueError as e:
    print("ValueError", e.args)
    tb = e.__traceback__
    names = []
    while tb is not None:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)


# The getter replaced on the class while sites are warm.
Shape.perimeter = property(lambda self: self.w * 100)
print(total(objs))
# A plain class attribute replaces the property: the instance dict wins again.
Shape.perimeter = 7
s = Shape(1, 1)
s.perimeter = 9
print(total(objs), s.perimeter)
del Shape.perimeter
print(sum(getattr(o, "perimeter", 0) for o in objs))


# A getter with a default argument or two parameters is called the ordinary way.
class D:
    def g(self, extra=5):
        return extra

    p = property(g)


print([D().p for _ in range(3)])


# A property without a getter.
class NoGet:
    p = property(None, lambda self, v: None)


for o in [NoGet(), NoGet()]:
    try:
        o.p
    except AttributeError as e:
        print("AttributeError", e)

# A getter that reads itself: a RecursionError, at a site that alternates two classes.
class R1:
    @property
    def p(self):
        return other.p


class R2(R1):
    pass


other = R2()
for o in [R1(), R2()]:
    try:
        o.p
    except RecursionError as e:
        print("RecursionError", e)

# An uncaught error from a getter at a polymorphic site: the traceback.
objs = [Other(), Boom(5, 6)] * 40
total(objs)
