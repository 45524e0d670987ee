# Calls and returns through the loop's fast and general paths: plain function frames, frames
# with a frame object, __init__ frames, generator frames, tracing, recursion, tracebacks.
import sys


def add(a, b):
    return a + b


def const():
    return 42


def none_ret():
    pass


def nested(n):
    if n == 0:
        return "bottom"
    return nested(n - 1)


def with_defaults(a, b=10, c=20):
    return a + b + c


print(add(1, 2), const(), none_ret(), nested(50), with_defaults(1), with_defaults(1, 2), with_defaults(1, 2, 3))


# A frame whose frame object was asked for returns through the general path; its locals
# survive in the detached frame object.
def keeps_frame(x):
    y = x * 2
    return sys._getframe()


fr = keeps_frame(21)
print(fr.f_code.co_name, fr.f_locals["x"], fr.f_locals["y"], fr.f_back is None)


def caller_of_caller():
    return sys._getframe(1).f_code.co_name


def outer():
    return caller_of_caller()


print(outer())


# __init__ frames (CALL_ALLOC_AND_ENTER_INIT) return the instance, or fail on a non-None result.
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Bad:
    def __init__(self):
        return 5


for _ in range(3):
    p = Point(3, 4)
print(p.x, p.y)
for _ in range(3):
    try:
        Bad()
    except TypeError as e:
        print("TypeError:", e)


# Methods, properties, closures and lambdas called many times (specialised call forms).
class Shape:
    def __init__(self, w):
        self.w = w

    def area(self):
        return self.w * self.w

    @property
    def double(self):
        return self.w * 2


def make_counter():
    count = 0

    def inc(step):
        nonlocal count
        count += step
        return count

    return inc


inc = make_counter()
adders = [lambda x, i=i: x + i for i in range(5)]
total = 0
s = Shape(3)
for i in range(200):
    total += s.area() + s.double + inc(1) + adders[i % 5](i)
print(total)


# Generators return through their own path.
def gen(n):
    for i in range(n):
        yield i
    return "done"


def drive():
    r = yield from gen(3)
    return r


g = drive()
print(list(g))
print(sum(x for x in range(10)))


# Return values of every kind reach the caller's stack.
def many():
    return (1, [2], {3: 4}, "five", None, 6.5)


for _ in range(50):
    r = many()
print(r)


# Recursion errors unwind every frame; the loop recovers.
def forever(n):
    return forever(n + 1)


try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)
print(nested(100))


# Tracing sees calls and returns of plain frames.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("add", "const"):
        events.append((event, frame.f_code.co_name, arg if event == "return" else None))
    return tracer


sys.settrace(tracer)
add(5, 6)
const()
sys.settrace(None)
print(events)


# An exception raised in a callee leaves a traceback through every frame.
def fails(d):
    return {}[d]


def middle(d):
    return fails(d) + 1


def top():
    return middle("key")


try:
    top()
except KeyError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print("KeyError", e, names)

top()
