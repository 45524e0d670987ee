def sample(a, b=1, *args, c, **kw):
    x = a + b
    if x:
        return x
    return None

co = sample.__code__
print(co.co_name, co.co_qualname, co.co_filename == __file__, co.co_firstlineno)
print(co.co_argcount, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames, co.co_nlocals)
print(co.co_flags & 0x0F, co.co_consts, co.co_names)
lines = list(co.co_lines())
print(lines)
pos = list(co.co_positions())
print(len(pos) * 2 == lines[-1][1], pos[0], pos[1])
print(sorted({p[0] for p in pos if p[0] is not None}))
class K:
    def m(self):
        return [y for y in ()]
print(K.m.__code__.co_qualname, list(K.m.__code__.co_lines())[0])
