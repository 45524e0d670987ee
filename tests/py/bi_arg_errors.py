# builtins called with no arguments, too many, and an unknown keyword: CPython 3.13's messages
names = ["abs", "all", "any", "ascii", "bin", "callable", "chr", "compile", "delattr", "dir", "divmod", "eval", "exec",
         "format", "getattr", "globals", "hasattr", "hash", "hex", "id", "isinstance", "issubclass", "iter", "len",
         "locals", "max", "min", "next", "oct", "ord", "pow", "repr", "round", "setattr", "sorted", "sum", "vars",
         "aiter", "anext", "enumerate", "filter", "map", "reversed", "zip", "set", "frozenset", "property",
         "staticmethod", "classmethod", "super"]
import_b = __builtins__
for n in names:
    f = getattr(import_b, n) if not isinstance(import_b, dict) else import_b[n]
    for args in [(), (1, 2, 3, 4, 5, 6, 7)]:
        try:
            f(*args)
            print(n, len(args), "ok")
        except Exception as e:
            print(n, len(args), type(e).__name__, e)
    try:
        f(1, bogus=2)
        print(n, "kw ok")
    except Exception as e:
        print(n, "kw", type(e).__name__, e)
