# Instructions the loop runs out of line (eval/cold_ops.rs): name-based variables, class
# bodies, imports, super(), intrinsics, set/map/string building, star-unpacking, conversions,
# with-statements, f(*args, **kwargs) — results and error messages.
import math
from os import path as ospath

x = 1
print(x, math.floor(2.5), ospath.basename("/a/b"))
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
try:
    del undefined_name
except NameError as e:
    print("NameError:", e)


def set_global():
    global gv
    gv = 5


set_global()
print(gv)


def del_global():
    global gv
    del gv


del_global()
try:
    del_global()
except NameError as e:
    print("NameError:", e)


class Base:
    kind = "base"

    def hello(self):
        return "Base.hello " + self.kind


class Child(Base):
    kind = "child"
    local_in_body = kind.upper()

    def hello(self):
        return "Child+" + super().hello()


print(Child().hello(), Child.local_in_body)


class Annotated:
    a: int = 1
    b: str


print(Annotated.__annotations__)


def closure_reader():
    def inner():
        return value

    try:
        inner()
    except NameError as e:
        print("NameError:", e)
    value = 3
    return inner()


print(closure_reader())


def unbound_cell():
    def use():
        return v

    print(use.__closure__ is not None)
    try:
        return v
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    v = 1


unbound_cell()

print({1, 2, 3} | {*range(2)}, {"a": 1, **{"b": 2}}, dict(zip("ab", (1, 2))))
name, n = "pyrt", 3
print(f"{name!r} {n:>4} {name!s:^8} {name!a} {3.14159:.2f}")
first, *middle, last = range(6)
print(first, middle, last)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    print(*5)
except TypeError as e:
    print("TypeError:", e)


def kw(a, b, *args, c=3, **kwargs):
    return (a, b, args, c, kwargs)


print(kw(*[1, 2, 3], **{"c": 4, "d": 5}))
try:
    kw(**{"a": 1, "b": 2}, **{"a": 3})
except TypeError as e:
    print("TypeError:", e)


class Ctx:
    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, *exc):
        print("exit", exc[0])
        return True


with Ctx() as c:
    raise ValueError("swallowed")
try:
    with 5:
        pass
except TypeError as e:
    print("TypeError:", e)

try:
    from sys import no_such_thing
except ImportError as e:
    print("ImportError:", e)
print([*range(3), *"ab"], (*range(2),))


def make_adder(k):
    return lambda v: v + k


print([make_adder(i)(10) for i in range(3)])
