# "Did you mean" suggestions (CPython 3.13 traceback.py + Python/suggestions.c).
def line(f):
    try:
        f()
    except (NameError, AttributeError) as e:
        return f"{type(e).__name__}: {e} name={e.name!r}" + (f" obj={type(e.obj).__name__}" if isinstance(e, AttributeError) else "")


class Account:
    def __init__(self):
        self.balance = 10
        self._secret = 1

    def report(self):
        return balance


number = 3
print(line(lambda: numbr))
print(line(lambda: Account().balanse))
print(line(lambda: Account()._secet))
print(line(lambda: Account().secet))
print(line(lambda: Account().report()))
print(line(lambda: math.pi))
print(line(lambda: Prnt))
print(line(lambda: zzzzzzzzzzzz))
print(line(lambda: None.foo))
print(line(lambda: [].apend))
e = AttributeError("custom", name="nam", obj=[])
print(e.name, e.obj, e.args)
n = NameError("x", name="numbr")
print(n.name)
try:
    NameError(obj=1)
except TypeError as t:
    print(t)
try:
    undefined_thing_here
except NameError as err:
    print(err.name, repr(err))


def outer():
    value = 1

    def inner():
        return valeu

    return inner()


print(line(outer))


class Meta:
    color = 1


Meta().colour
