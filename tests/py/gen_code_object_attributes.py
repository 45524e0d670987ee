# Code object attributes, as a generator's gi_code and a function's __code__ show them.
def f(a, b, /, c, *args, d, e=1, **kw):
    x = 1
    def inner():
        return x + a
    return inner
c = f.__code__
for name in ("co_name", "co_qualname", "co_firstlineno", "co_flags", "co_argcount", "co_posonlyargcount",
             "co_kwonlyargcount", "co_nlocals", "co_varnames", "co_cellvars", "co_freevars", "co_names"):
    print(name, getattr(c, name))
print(c.co_consts[:2], type(c.co_consts[2]).__name__, c.co_consts[2].co_name)
i = f(1, 2, 3, d=4)
print(i.__code__.co_freevars, i.__code__.co_varnames, i.__code__.co_qualname, i.__code__.co_filename.endswith(".py"))
def g():
    yield [y for y in range(3)]
print(g().gi_code.co_varnames, g.__code__.co_flags, g().gi_code.co_name)
