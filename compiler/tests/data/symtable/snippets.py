# Symbol-table snippets: each case starts with a line "#### name"; the rest is the source.
#### module_basics
import os, a.b.c as d
from x import y as z
x = 1
print(x, y)
del x
#### function_locals_globals
g = 1
def f(a, b=2, *args, c, d=4, **kw):
    global g
    g = a
    h = b
    return h + len(args)
#### posonly
def f(a, /, b, *, c): return a, b, c
#### closure
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    def reader():
        return x
    return inner, reader
#### deep_free
def a():
    v = 1
    def b():
        def c():
            return v
        return c
    return b
#### class_scope
class C(Base, metaclass=M):
    x = 1
    def m(self):
        return x, self.x, __class__
    def s(self):
        return super().m()
    y = [x for _ in range(3)]
#### class_free_same_name
def f():
    x = 1
    class C:
        x = 2
        def g(self):
            return x
    return C
#### lambda_and_genexp
f = lambda a, *b, c=1: a + c
g = (i * j for i in range(3) for j in range(i))
#### comprehensions_inlined
def f(xs):
    a = [x for x in xs if x]
    b = {x: y for x, y in xs}
    c = {x for x in xs}
    d = [[y for y in x] for x in xs]
    return a, b, c, d
#### comprehension_cell
def f(xs):
    return [lambda: x for x in xs]
#### comprehension_walrus
def f(xs):
    ys = [last := x for x in xs]
    return last
#### module_walrus_comp
[y := x for x in range(3)]
#### comprehension_in_class
class C:
    xs = [1, 2]
    ys = [x * 2 for x in xs]
    zs = (x for x in xs)
#### async_stuff
async def f(xs):
    await g()
    async for a in xs:
        pass
    async with m() as n:
        pass
    return [x async for x in xs]
#### generator
def gen():
    x = yield 1
    yield from x
#### annotations
x: int = 1
y: str
def f(a: A, *b: B, **c: C) -> R:
    z: Z = 1
    w: W
class K:
    attr: T = 2
#### future_annotations
from __future__ import annotations
x: int = 1
def f(a: A) -> R:
    return a
#### type_params_function
def f[T, *Ts, **P](x: T, *args: *Ts) -> T:
    return x
#### type_params_defaults
def f[T](x=1, *, y=2): pass
#### type_params_bounds
def f[T: int, U: (str, bytes), V = int](): pass
#### type_params_class
class C[T](Base[T]):
    def m(self) -> T:
        return super().m()
#### type_params_in_class
class Outer:
    class Inner[T]: pass
    def m[U](self, x: U) -> U: return x
    type A[V] = list[V]
    type B = int
#### type_alias
type A = int
type B[T] = list[T]
type C[T: int = bool] = dict[str, T]
#### mangling
class C:
    __x = 1
    def __m(self, __a):
        self.__y = __a
        return __x
    def __dunder__(self): pass
#### mangled_type_params
class C[__T]:
    def m(self, __T, __u): return __T
#### global_in_nested
x = 0
def f():
    global x
    def g():
        return x
    return g
#### nonlocal_chain
def a():
    x = 1
    def b():
        def c():
            nonlocal x
            x = 2
        return c
    return b
#### except_and_with
def f():
    try:
        pass
    except E as e:
        pass
    with open(p) as (a, b):
        pass
#### match_bindings
def f(v):
    match v:
        case [a, *rest]: pass
        case {"k": b, **kw}: pass
        case P(x=c) | Q(c): pass
        case d: pass
#### super_in_lambda
class C:
    f = lambda self: super()
#### classdict_annotation
class C:
    x = int
    def f[T: x](self): pass
#### import_star_module
from os import *
#### dunder_class_in_comprehension
class C:
    def f(self):
        return [__class__ for _ in range(1)]
    xs = [__class__ for _ in range(1)]
#### nested_functions_args
def f(a, b):
    def g(c=a):
        return b
    return g
