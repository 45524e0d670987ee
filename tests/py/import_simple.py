import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
import simplemod
import simplemod as again
from simplemod import greet, VALUE
print(simplemod.VALUE, greet("x"), VALUE, simplemod is again, simplemod.__name__, type(simplemod).__name__)
print(sorted(k for k in vars(simplemod) if not k.startswith("__")))
print("simplemod" in sys.modules, sys.modules["simplemod"] is simplemod, simplemod.__file__.endswith("simplemod.py"))
import simplemod
print("imported once")
