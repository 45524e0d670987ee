# Builtin exceptions (and a few other builtin types) combined as class bases: which pairs CPython 3.13
# accepts, which give an MRO error and which a lay-out conflict.
names = ['Exception', 'LookupError', 'SystemError', 'KeyError', 'OSError', 'ValueError', 'UnicodeError', 'UnicodeDecodeError', 'SyntaxError', 'StopIteration', 'ImportError', 'AttributeError', 'NameError', 'SystemExit', 'BaseExceptionGroup', 'TypeError', 'StopAsyncIteration', 'KeyboardInterrupt', 'BlockingIOError', 'IndentationError', 'ModuleNotFoundError', 'int', 'object', 'dict', 'list']
ok = []; bad = []
for a, b in [(a, b) for a in names for b in names if a != b]:
    import builtins
    A = getattr(builtins, a); B = getattr(builtins, b)
    try:
        type('X', (A, B), {})
        ok.append((a, b))
    except TypeError as e:
        bad.append((a, b, str(e)))
print(len(ok), len(bad))
for x in bad: print(*x)


class LookupSystem(LookupError, SystemError):
    pass


try:
    raise LookupSystem("both", 2)
except SystemError as e:
    print(type(e).__name__, e.args, isinstance(e, LookupError), [c.__name__ for c in type(e).__mro__])


class KeyStop(KeyError, StopAsyncIteration, ValueError):
    pass


print([c.__name__ for c in KeyStop.__mro__], str(KeyStop('k')))
for bases in [(OSError, ImportError), (StopIteration, SystemExit), (UnicodeDecodeError, UnicodeEncodeError),
              (AttributeError, NameError), (KeyError, OSError, NameError)]:
    try:
        type('Mixed', bases, {})
        print("ok", [b.__name__ for b in bases])
    except TypeError as e:
        print("TypeError:", e)
