#### used_before_global
def f():
  x
  global x
#### param_and_global
def f(x):
  global x
#### param_and_nonlocal
def f(x):
  nonlocal x
#### assigned_before_global
def f():
  é = 1
  global é
#### assigned_before_nonlocal
def g():
  x = 0
  def f():
    x = 1
    nonlocal x
#### used_before_nonlocal
def g():
  x = 0
  def f():
    print(x)
    nonlocal x
#### annotated_global
def f():
  x: int
  global x
#### annotated_then_global_decl
def f():
  global x
  x: int = 1
#### annotated_nonlocal
def g():
  x = 1
  def f():
    nonlocal x
    x: int = 1
#### no_binding_nonlocal
def f():
  nonlocal x
#### nonlocal_module
nonlocal x
#### nonlocal_class_only
class C:
  x = 1
  def f(self):
    nonlocal x
#### nonlocal_and_global
def f():
  x = 1
  def g():
    global x
    nonlocal x
#### duplicate_argument
def f(a, b, *, a): pass
#### duplicate_lambda_argument
lambda x, x: 1
#### duplicate_kwarg
def f(a, **a): pass
#### yield_listcomp
[(yield) for x in y]
#### yield_setcomp
{(yield x) for x in y}
#### yield_dictcomp
{x: (yield from y) for x in y}
#### yield_genexp
list((yield) for x in y)
#### walrus_rebind_iter
[x := 1 for x in y]
#### walrus_rebind_outer_iter
def f():
  [[(j := 0) for i in range(2)] for j in range(3)]
#### walrus_iterable
def f():
  [x for x in (y := [1])]
#### walrus_inner_iterable
def f():
  [i for i in range(3) for j in (k := 2)]
#### walrus_class
class C:
  [y := 1 for x in z]
#### inner_loop_rebind
def f():
  [i := 0 for i, j in range(3) for j in []]
#### await_module
await x
#### await_sync_function
def f():
  await x
#### await_class
class C:
  await x
#### async_listcomp_sync
def f():
  [x async for x in z]
#### await_in_listcomp_sync
def f():
  [await x for y in z]
#### yield_typevar_bound
def f[T: (yield)](): pass
#### yield_typevar_default
def f[T = (yield)](): pass
#### await_typevar_constraint
def f[T: (int, await x)](): pass
#### walrus_paramspec_default
class A[**P = (x := 1)]: pass
#### yield_type_alias
type X = (yield)
#### yield_generic_annotation
def f[T](x: (yield)): pass
#### walrus_typevar_bound
class A[T: (x:=1)]: pass
#### walrus_comp_in_typevar_bound
class A[T: [(x := 1) for y in z]]: pass
#### walrus_comp_in_type_alias
type A = [(x := 1) for y in z]
#### duplicate_type_param
def f[T, T](): pass
#### nonlocal_type_param
def f[T]():
  nonlocal T
#### import_star_function
def f():
  from y import *
#### import_star_class
class C:
  from y import *
#### future_unknown
from __future__ import nope
#### future_braces
from __future__ import braces
#### future_annotation_yield
from __future__ import annotations
x: (yield) = 1
