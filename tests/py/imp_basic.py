import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
import imp_plain
import imp_plain as again
from imp_plain import twice, VALUE as V
print(imp_plain.VALUE, twice(4), V, again is imp_plain, imp_plain.Box(3).v)
print(imp_plain.__name__, imp_plain.__doc__, type(imp_plain).__name__, imp_plain.__package__ == "")
print(imp_plain.__file__.endswith("imp_mods/imp_plain.py"))
print(repr(imp_plain).startswith("<module 'imp_plain' from '"), repr(imp_plain).endswith("imp_plain.py'>"))
print(repr(sys), repr(sys.modules["builtins"]))
print([k for k in sorted(vars(imp_plain)) if not k.startswith("__")])
print(sys.modules["imp_plain"] is imp_plain, "imp_plain" in sys.modules)
import imp_plain
print("no second run")
del sys.modules["imp_plain"]
import imp_plain as fresh
print("fresh module:", fresh is not again, fresh.VALUE)
import imp_doc
print(imp_doc.__doc__)
print(imp_plain.__dict__ is vars(imp_plain), imp_plain.__dict__["VALUE"])
imp_plain.added = "set from outside"
print(imp_plain.added, vars(imp_plain)["added"])
del imp_plain.added
print(hasattr(imp_plain, "added"))
try:
    imp_plain.missing
except AttributeError as e:
    print("AttributeError:", e)
try:
    del imp_plain.missing
except AttributeError as e:
    print("AttributeError:", e)
def local_import():
    import imp_plain as inner
    from imp_plain import twice as t
    return inner.VALUE, t(5)
print(local_import())
ModuleType = type(sys)
m = ModuleType("made_by_hand")
print(m, m.__name__, m.__doc__)
m2 = ModuleType("with_doc", "documented")
print(m2.__doc__)
