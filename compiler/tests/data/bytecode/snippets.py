# Bytecode parity corpus: each case starts with "#### name". gen_bytecode.py records CPython 3.13's
# dis output for each; tests/codegen_parity.rs compares pyrt's.
#### empty
#### pass
pass
#### docstring_module
"""Module doc."""
x = 1
#### assign_simple
x = 1
y = x
z = w = y
#### assign_unpack
a, b = 1, 2
a, b = b, a
(c, d), e = f
[g, *h] = i
j, *k, l = m
#### aug_assign
x += 1
x.y -= 2
x[0] *= 3
x[1:2] //= 4
x @= y
#### binary_ops
r = a + b - c * d / e // f % g ** h << i >> j & k | l ^ m @ n
#### unary_ops
r = -a, +b, ~c, not d
#### const_fold
a = 1 + 2
b = -5
c = 2 ** 10
d = "ab" * 3
e = (1, 2) + (3,)
f = 1 << 200
g = ~0
h = not 1
i = 1.5 * 2
j = 1 + 2j
k = "abc"[1]
l = (1, 2, 3)[-1]
m = 10 // 3, 10 % 3, -7 // 2, 7.0 // 2, 1 / 4
#### compare
r = a < b
r = a == b != c
r = a is None, a is not None, a in b, a not in b
r = a < b < c < d
#### compare_in_list
r = x in [1, 2, 3]
r = x not in [a, b]
r = x in {1, 2, 3}
r = x in (y, z)
#### boolops
r = a and b
r = a or b or c
r = a and (b or c)
r = not (a and b)
#### ifexp
r = a if b else c
r = (a if b else c) if d else e
#### if_stmt
if a:
    b()
elif c:
    d()
else:
    e()
if not x:
    y()
if a and b or c:
    d()
if a < b < c:
    pass
if not (a is b):
    pass
#### while_loop
i = 0
while i < 10:
    i += 1
    if i == 5:
        continue
    if i == 8:
        break
else:
    done()
while True:
    x()
#### for_loop
for i in range(10):
    print(i)
for x, y in items:
    pass
else:
    done()
for a in [1, 2, 3]:
    pass
for b in [c, d]:
    pass
for e in {1, 2}:
    pass
#### nested_loops_break
for i in a:
    for j in b:
        if j:
            break
        continue
    else:
        continue
    break
#### containers
a = [1, 2, 3]
b = [x, y]
c = (x, y)
d = {x, y}
e = {1, 2, 3}
f = {"a": 1, "b": 2}
g = {x: 1, y: 2}
h = {}
i = []
j = ()
k = [*x, 1, *y]
l = (*x, 1)
m = {**x, "a": 1, **y}
n = {*x, *y}
o = [1, 2, 3, x]
#### big_containers
a = [x0, x1, x2, x3, x4, x5, x6, x7, x8, x9, x10, x11, x12, x13, x14, x15, x16, x17, x18, x19, x20, x21, x22, x23, x24, x25, x26, x27, x28, x29, x30, x31, x32]
b = {k0: v0, k1: v1, k2: v2, k3: v3, k4: v4, k5: v5, k6: v6, k7: v7, k8: v8, k9: v9, k10: v10, k11: v11, k12: v12, k13: v13, k14: v14, k15: v15, k16: v16}
#### subscripts
a = x[0]
b = x[1:2]
c = x[::2]
d = x[1:2, 3]
x[0] = 1
x[1:2] = y
del x[0], x[1:2]
e = x[i][j]
#### attributes
a = x.y
x.y = 1
del x.y
b = x.y.z
c = (x
     .y)
#### calls
f()
f(1, 2)
f(a, b=1)
f(*args)
f(*args, **kwargs)
f(a, *b, c, **d)
f(x=1, **y, z=2)
f(**kw)
o.m(1)
o.m(a, k=2)
o.m(*a)
o.a.b.m()
#### calls_many_args
f(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31)
o.m(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19, a20, a21, a22, a23, a24, a25, a26, a27, a28, a29, a30, a31)
#### import_method_call
import os
os.path.join("a", "b")
os.getcwd()
#### imports
import a
import a.b.c
import a.b.c as d
from x import y
from x import y as z, w
from . import m
from ..p import q
from os import *
#### future_import
from __future__ import annotations
x: int = 1
#### assert_stmt
assert x
assert x, "msg"
assert (x, y)
#### raise_stmt
raise
raise E
raise E from c
#### del_stmt
del a, b
del a.b, a[0]
#### global_nonlocal
g = 1
def f():
    global g
    g = 2
    def h():
        return g
    return h
def outer():
    x = 1
    def inner():
        nonlocal x
        x += 1
        return x
    return inner
#### function_simple
def f():
    pass
def g(a, b):
    return a + b
#### function_defaults
def f(a, b=1, *args, c, d=2, **kw):
    return a, b, args, c, d, kw
def g(a=[], b={}):
    pass
def h(*, a=1):
    pass
#### function_posonly
def f(a, b, /, c, *, d):
    return a + b + c + d
#### function_annotations
def f(a: int, b: "str" = "", *c: tuple, d: list, **e: dict) -> None:
    pass
#### function_docstring
def f():
    """Doc string.

    More lines.
    """
    return 1
def g():
    "one"
#### decorators
@a
@b.c(1)
def f():
    pass
@d
class C:
    pass
#### closures
def f(x):
    def g():
        return x
    return g
def h():
    a = 1
    b = 2
    def i():
        return a + b
    a = 3
    return i
#### closure_param_cell
def f(a, b):
    def g():
        return a
    return g
#### lambda_expr
f = lambda: 1
g = lambda x, y=2: x + y
h = lambda *a, **k: (a, k)
i = lambda x: lambda y: x + y
#### return_values
def f(x):
    if x:
        return
    return 1
def g(x):
    return x
def h():
    return (1, 2)
#### generator
def gen():
    yield 1
    x = yield
    yield from range(3)
    return x
#### generator_expression
g = (x * 2 for x in range(10))
h = (x for x in a for y in b if x if y)
s = sum(x for x in y)
#### list_comprehension
def f(xs):
    return [x for x in xs]
def g(xs):
    return [x * y for x in xs for y in xs if x if y]
def h(xs):
    return [[y for y in x] for x in xs]
#### set_dict_comprehension
def f(xs):
    return {x for x in xs}, {k: v for k, v in xs}
#### comprehension_module_level
a = [x for x in range(3)]
b = {x: x for x in range(3)}
x = 5
c = [x for x in range(x)]
#### comprehension_class_level
class C:
    xs = [1, 2]
    ys = [x * 2 for x in xs]
    zs = [y for y in range(3)]
#### comprehension_closure
def f(xs):
    return [lambda: x for x in xs]
def g(xs):
    y = 1
    return [x + y for x in xs]
#### comprehension_walrus
def f(xs):
    ys = [last := x for x in xs]
    return last, ys
#### comprehension_temp_var
def f(xs):
    return [y for x in xs for y in [x * 2]]
#### comprehension_shadow
def f(x):
    a = [x for x in range(3)]
    return x, a
#### async_function
async def f(x):
    await x
    y = await g()
    return y
#### async_for
async def f(xs):
    async for x in xs:
        print(x)
    else:
        done()
#### async_with
async def f():
    async with a() as b, c():
        pass
#### async_comprehension
async def f(xs):
    a = [x async for x in xs]
    b = [await x for x in ys]
    c = (x async for x in xs)
    return a, b, c
#### async_generator
async def agen():
    yield 1
    await x
#### try_except
try:
    a()
except E:
    b()
except (F, G) as e:
    c(e)
except:
    d()
else:
    f()
#### try_finally
try:
    a()
finally:
    b()
#### try_except_finally
try:
    a()
except E as e:
    b()
else:
    c()
finally:
    d()
#### try_return_in_finally
def f():
    try:
        return g()
    finally:
        h()
def g2():
    for x in y:
        try:
            break
        finally:
            z()
#### try_return_in_except
def f():
    try:
        a()
    except E as e:
        return e
    except F:
        return 1
#### try_star
try:
    a()
except* E as e:
    b(e)
except* F:
    c()
#### try_star_finally
try:
    a()
except* E:
    b()
else:
    c()
finally:
    d()
#### with_stmt
with a() as b:
    c()
with d(), e() as (f, g):
    pass
#### with_return
def f():
    with a() as b:
        return b
def g():
    for x in y:
        with a():
            continue
#### class_simple
class A:
    pass
class B(A):
    x = 1
    def m(self):
        return self.x
#### class_kwargs
class C(A, B, metaclass=M, **kw):
    pass
class D(*bases):
    pass
#### class_super
class C(B):
    def __init__(self):
        super().__init__()
        self.a = 1
        self.b = 2
    def m(self):
        return super().m(1, k=2)
    def n(self):
        return super().x
    def o(self):
        return __class__
#### class_super_two_args
class C(B):
    def m(self):
        return super(C, self).m()
#### class_static_attributes
class C:
    def __init__(self, x):
        self.x = x
        self.y, self.z = x
        other.w = 1
    def g(self):
        self.q = 1
#### class_docstring_annotations
class C:
    """Doc."""
    a: int
    b: str = "x"
    c.d: int = 1
    e[0]: int
#### class_private_mangling
class C:
    __x = 1
    def __m(self, __a):
        self.__y = __a
        return self.__x + __x
    def n(self):
        import __foo
        return _C__z
#### class_nested
class Outer:
    class Inner:
        def m(self):
            pass
    def f(self):
        class Local:
            pass
        return Local
#### class_free_var
def f():
    x = 1
    class C:
        y = x
        def g(self):
            return x
    return C
#### class_method_shares_name
def f():
    x = 1
    class C:
        x = 2
        def g(self):
            return x
    return C
#### annotations_module
x: int
y: list[int] = []
z.a: int
w[0]: str = 1
def f():
    a: int = 1
    b: str
#### future_annotations
from __future__ import annotations
x: list[int] = []
y: "str"
def f(a: int, b: dict[str, int] | None = None) -> tuple[int, ...]:
    c: int = 1
    return a
class C:
    d: Callable[[int], str]
    e: lambda: 1
    f: a if b else c
    g: -x ** 2
#### fstrings
a = f"{x}"
b = f"x={x!r:>10} y={y:{w}.{p}}"
c = f"{x=}"
d = f"{x!s}{y!a}"
e = f"plain"
g = f""
h = f"{'a' if x else 'b'}"
#### fstring_many
s = f"{a}{b}{c}{d}{e}{f}{g}{h}{i}{j}{k}{l}{m}{n}{o}{p}{q}{r}{s}{t}{u}{v}{w}"
#### percent_format
a = "%s" % (x,)
b = "%s and %r" % (x, y)
c = "%d" % (x,)
d = "%5s|%-5s|%.3s" % (x, y, z)
e = "100%% %s" % (x,)
f = "%s" % x
g = "%s %s" % (x,)
#### string_concat
a = "a" "b"
b = b"a" b"b"
c = "a" + "b"
#### slices
a = x[:]
b = x[1:]
c = x[:2]
d = x[::-1]
e = x[a:b:c]
#### walrus
if (n := len(a)) > 10:
    print(n)
while (line := f()):
    pass
#### star_targets
a, *b = c
*a, b = c
a, *b, c = d
[a, b] = c
#### match_literals
match x:
    case 1:
        a()
    case "s" | "t":
        b()
    case None:
        c()
    case True:
        d()
    case -1:
        e()
    case 1 + 2j:
        f()
    case _:
        g()
#### match_capture
match x:
    case [a, b]:
        pass
    case [a, *rest]:
        pass
    case [*_, last]:
        pass
    case [first, *_]:
        pass
    case []:
        pass
    case [_, _]:
        pass
    case y:
        pass
#### match_mapping
match x:
    case {"a": 1, "b": b}:
        pass
    case {"k": v, **rest}:
        pass
    case {}:
        pass
    case {C.K: v}:
        pass
#### match_class
match x:
    case Point(x=0, y=0):
        pass
    case Point(a, b):
        pass
    case Point(a, y=_):
        pass
    case int():
        pass
    case str() as s:
        pass
#### match_or_guard
match x:
    case [a, b] | (a, b) if a > b:
        pass
    case (1 | 2 | 3) as n:
        pass
    case {"x": a} | [a]:
        pass
    case C.VALUE:
        pass
#### match_in_function
def f(cmd):
    match cmd.split():
        case ["go", direction]:
            return direction
        case ["quit"]:
            return None
        case _:
            return cmd
#### match_single_default
match x:
    case _:
        pass
#### match_or_reorder
match x:
    case (a, b) | [b, a]:
        pass
#### type_alias
type A = int
type B[T] = list[T]
type C[T: int, *Ts, **P] = dict[T, P]
#### generic_function
def f[T](x: T) -> T:
    return x
def g[T: int, U: (str, bytes)](a: T, b: U = None, *, c=1) -> T:
    return a
#### generic_class
class C[T]:
    def m(self) -> T:
        pass
class D[T](Base[T], metaclass=M):
    x: T
#### generic_in_class
class Outer:
    def m[T](self, x: T) -> T:
        return x
    class Inner[U]:
        pass
    type A[V] = list[V]
#### type_param_defaults
def f[T = int, *Ts = (), **P = [int]](): pass
class C[T = str]: pass
#### lambda_default_closure
def f(a):
    return lambda b=a: b + a
#### nested_functions_qualname
def a():
    def b():
        def c():
            pass
        return c
    class D:
        def e(self):
            pass
    return b, D
#### global_function_qualname
def f():
    global g
    def g():
        pass
#### conditional_const
if 0:
    a()
if 1:
    b()
while 0:
    c()
x = 1 if True else 2
#### debug_constant
if __debug__:
    a()
x = __debug__
#### interactive_like_expressions
x
x.y
1
"string statement"
f(x) + 1
#### yield_in_expressions
def f():
    x = yield
    y = (yield 1) + 2
    z = (yield) if False else 0
    return x, y
#### return_in_try_except_else
def f():
    try:
        x = 1
    except E:
        return 2
    else:
        return x
#### loop_else_break
def f(xs):
    for x in xs:
        if x:
            break
    else:
        return -1
    return x
#### while_true_return
def f():
    while True:
        x = g()
        if x:
            return x
#### chained_assign_attr
a.b = c.d = e
#### complex_call_chain
result = obj.method(arg).other[0].attr(x, y=z)(w)
#### except_name_cleanup
def f():
    try:
        pass
    except E as e:
        del e
#### nested_try
def f():
    try:
        try:
            a()
        except E:
            b()
    finally:
        c()
#### with_in_loop_break
def f(xs):
    for x in xs:
        with x:
            if x:
                break
#### async_with_return
async def f():
    async with a as b:
        return b
#### generator_return_value
def g():
    return (yield from h())
#### dict_unpack_mixed
d = {"a": 1, **x, "b": 2, "c": 3}
#### call_kwargs_unpack_mixed
f(a=1, b=2, **c, d=4)
f(*a, *b)
f(1, *a, 2)
#### starred_call_single
f(*args)
g(*args, **{})
#### deep_attribute_assign
a.b.c.d = 1
a.b.c.d += 1
#### bytes_and_numbers
a = b"\x00\xff"
b = 1_000_000
c = 0x10, 0o10, 0b10
d = 1e10, 1.5e-3, 10j
e = 123456789012345678901234567890
#### unicode_names
é = 1
π = é * 2
s = "ünïcödé"
#### boolean_context_folding
if not not x:
    pass
if x is not None and y:
    pass
r = not a == b
r = not a < b
#### starunpack_constants
a = [1, 2, 3, *x]
b = {1, 2, 3, *x}
c = (*x, 1, 2, 3)
#### set_with_constants
a = {1, 2, 3}
b = frozenset({1, 2})
#### multiple_targets_unpack
a = b, c = d, e = f
#### while_complex_condition
while a and not b or c:
    pass
#### try_continue
def f(xs):
    for x in xs:
        try:
            continue
        except E:
            pass
#### return_none_implicit
def f(x):
    if x:
        pass
#### conditional_import
try:
    import a
except ImportError:
    a = None
#### class_with_kwonly_method
class C:
    def m(self, *, a, b=1):
        return a + b
    @staticmethod
    def s():
        pass
    @property
    def p(self):
        return 1
#### lambda_in_comprehension_default
fs = [lambda i=i: i for i in range(3)]
#### nonlocal_in_comprehension_scope
def f():
    x = 0
    def g():
        nonlocal x
        return [x for _ in range(2)]
    return g
#### genexp_in_call_with_args
f(a, (x for x in y))
sorted(x for x in y)
#### ellipsis_and_none
a = ...
b = None
def f(): ...
#### augassign_global
g = 0
def f():
    global g
    g += 1
#### del_local
def f():
    x = 1
    del x
#### star_expr_in_return
def f(a):
    return *a, 1
#### print_calls_module
print("hello")
print(1, 2, sep="")
#### long_string_concat_fold
x = "a" * 4096
y = "a" * 4097
z = (1,) * 256
w = (1,) * 257
#### negative_zero_floats
a = -0.0
b = 0.0
c = (-0.0, 0.0)
#### nested_fstring
a = f"{f'{x}'}"
b = f"{x:{y}}"
#### await_in_genexp_async
async def f():
    return [x async for x in a if await x]
#### class_in_function_super
def f():
    class C(B):
        def m(self):
            return super().m()
    return C
#### exception_group_bare_raise
try:
    pass
except* ValueError:
    raise
#### with_no_as_multiple
with a, b, c:
    pass
#### if_elif_chain
def f(x):
    if x == 1:
        return "a"
    elif x == 2:
        return "b"
    elif x == 3:
        return "c"
    return "d"
#### for_tuple_target_attr
for self.x, self.y in pairs:
    pass
#### subscript_store_slice_step
x[::2] = y
del x[::2]
#### keyword_only_defaults_mangled
class C:
    def m(self, *, __a=1):
        return __a
#### return_in_with_in_try
def f():
    try:
        with a:
            return 1
    finally:
        b()
#### complex_fold
a = 1 / 1j
b = -1j
c = (1 + 2j) * (3 - 4j)
d = 2j / (1 + 1j)
#### while_condition_genexpr
def f(id):
    while id in set(x for x in g()):
        id += 1
#### type_alias_comprehension_cells
def f():
    type Alias[T: [lambda: T for T in (T, [1])[1]]] = [lambda: T for T in T.__name__]
#### nested_if_raise_else
def f(a, b):
    if a:
        if not b:
            return -1
    else:
        g()
    h()
#### percent_format_wide
a = "%200s x" % (y,)
b = "%-10s|%5.2s" % (y, z)
#### future_annotations_module_order
"""Doc."""
from __future__ import annotations
x: int = 1
#### expression.eval
a + b * c
#### expression_lambda.eval
lambda x: x + y
#### expression_comprehension.eval
[x for x in y if x]
#### interactive_expr.single
x + 1
#### interactive_assign.single
x = 1
#### interactive_compound.single
if x:
    y
#### float_overflow_complex_pow_fold
a = 3j ** 0j, 3j ** 0, 1e300 * 1e300, -1e300 * 1e300, (1+2j) ** 3, 2j ** -2, 0j ** -1, 1e200j ** 2
#### assert_multiline
def f(x):
    assert (
        x == 1
    ), "message"
#### return_constant_multiline
def f(prefs):
    if prefs:
        return (
            'a'
            'b'
        )
    return None
