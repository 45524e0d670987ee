import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import lazy_attr_mod
print(lazy_attr_mod.static, lazy_attr_mod.dynamic, dir(lazy_attr_mod))
from lazy_attr_mod import dynamic
print(dynamic)
try:
    lazy_attr_mod.missing
except AttributeError as e:
    print(e)
try:
    from lazy_attr_mod import nothing
except ImportError as e:
    print(type(e).__name__, str(e).rsplit(" (/", 1)[0])
