import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import counter_mod
from counter_mod import bump
print(bump(), bump(), counter_mod.count)
import counter_mod as cm2
print(cm2.bump(), counter_mod.count)
from counter_mod import count
print(count)
counter_mod.count = 100
print(bump(), count)
print(__name__, __file__.endswith("import_module_state.py") if "__file__" in globals() else "no file")
mod = __import__("counter_mod")
print(mod is counter_mod)
