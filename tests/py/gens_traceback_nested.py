# Tracebacks through generator frames: raised in an inner generator resumed by a for loop, by
# yield from, by next() from native code (sum, list), and the uncaught case at the end.
def numbers(n, bad):
    for i in range(n):
        if i == bad:
            raise ValueError(f"bad {i}")
        yield i


def doubled(it):
    for v in it:
        yield v * 2


def delegating(n, bad):
    r = yield from numbers(n, bad)
    return r


def names(tb):
    out = []
    while tb is not None:
        out.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    return out


for make in (lambda: doubled(numbers(5, 3)), lambda: delegating(5, 2), lambda: (x for x in numbers(4, 1))):
    try:
        print(sum(make()))
    except ValueError as e:
        print("caught", e, names(e.__traceback__))

try:
    list(doubled(delegating(6, 4)))
except ValueError as e:
    print("caught", e, names(e.__traceback__))
    tb, lines = e.__traceback__, []
    while tb is not None:
        lines.append(tb.tb_lineno)
        tb = tb.tb_next
    print(lines)

# A generator finishes with an exception: it is then exhausted.
g = doubled(numbers(3, 1))
print(next(g))
try:
    next(g)
except ValueError as e:
    print("caught", e)
print(next(g, "exhausted"), g.gi_frame)


def catcher():
    try:
        yield from numbers(3, 1)
    except ValueError as e:
        yield "handled " + str(e)
        yield names(e.__traceback__)


print(list(catcher()))


def top():
    for v in doubled(delegating(5, 3)):
        print("got", v)


top()
