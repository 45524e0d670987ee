import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
try:
    import imp_not_there_at_all
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name, e.path, isinstance(e, ImportError))
try:
    from imp_plain import no_such_name
except ImportError as e:
    print(type(e).__name__, e.name, e.path.endswith("imp_plain.py"), e.msg.startswith("cannot import name 'no_such_name' from 'imp_plain' ("))
try:
    import imp_raises
except KeyError as e:
    print("KeyError", e)
print("imp_raises" in sys.modules)
try:
    import imp_raises
except KeyError as e:
    print("runs again:", e)
try:
    import imp_syntax_bad
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.args[1][1:], "imp_syntax_bad" in sys.modules)
try:
    __import__("")
except ValueError as e:
    print("ValueError", e)
try:
    __import__("imp_plain", level=-1)
except ValueError as e:
    print("ValueError", e)
try:
    __import__(5)
except TypeError as e:
    print("TypeError", e)
sys.modules["imp_blocked"] = None
try:
    import imp_blocked
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
e = ImportError("message", name="n", path="p")
print(e, e.name, e.path, e.msg, e.args)
print(ImportError().name, ImportError("a", "b").msg)
try:
    ImportError("x", bogus=1)
except TypeError as e:
    print("TypeError", e)
print(issubclass(ModuleNotFoundError, ImportError))
