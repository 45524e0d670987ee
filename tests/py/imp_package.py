import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
import imp_pkg.sub.deep
print(imp_pkg.sub.deep.DEEP, imp_pkg.PKG_NAME, imp_pkg.LEAF_FROM_INIT, imp_pkg.leaf.LEAF)
print(imp_pkg.__package__, imp_pkg.sub.__package__, imp_pkg.sub.deep.__package__, imp_pkg.leaf.__package__)
print(imp_pkg.__path__[0].endswith("imp_pkg"), hasattr(imp_pkg.leaf, "__path__"), imp_pkg.__file__.endswith("__init__.py"))
print(sorted([m for m in sys.modules if m.startswith("imp_pkg")]))
import imp_pkg.sub.deep as d
print(d is sys.modules["imp_pkg.sub.deep"], d.__name__)
from imp_pkg.sub import sibling
print(sibling.SIB, sibling is imp_pkg.sub.sibling)
from imp_pkg import sub
print(sub.__name__, sub is imp_pkg.sub)
m = __import__("imp_pkg.sub.deep")
print(m.__name__)
m = __import__("imp_pkg.sub.deep", fromlist=["DEEP"])
print(m.__name__)
m = __import__("leaf", globals={"__package__": "imp_pkg"}, level=1)
print(m.__name__)
try:
    import imp_pkg.beyond
except ImportError as e:
    print(type(e).__name__, e)
try:
    from . import something
except ImportError as e:
    print(type(e).__name__, e)
try:
    import imp_pkg.leaf.nothing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    import imp_pkg.nope
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
