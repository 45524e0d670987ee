import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
import imp_lazy
print(imp_lazy.EAGER, imp_lazy.lazy_thing, getattr(imp_lazy, "lazy_other"))
from imp_lazy import lazy_imported
print(lazy_imported)
try:
    imp_lazy.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    from imp_lazy import missing
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
print(hasattr(imp_lazy, "lazy_x"), hasattr(imp_lazy, "nope"))
import imp_selfreplace
print(type(imp_selfreplace).__name__, imp_selfreplace.kind)
import imp_counter
del sys.modules["imp_counter"]
import imp_counter
print(sys.imp_counter_runs)
