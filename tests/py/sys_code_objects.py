def f(a, b=1, *args, c, **kw):
    x = a + b
    def g():
        return x
    return g
co = f.__code__
print(co.co_name, co.co_qualname, co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars, f(1, c=2).__code__.co_freevars)
print(co.co_filename.endswith("sys_code_objects.py"), co.co_firstlineno, type(co.co_code).__name__, isinstance(co.co_consts, tuple))
print(co.co_flags & 0x04 != 0, co.co_flags & 0x08 != 0, (lambda: 0).__code__.co_name)
