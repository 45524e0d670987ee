import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
from imp_plain import not_defined_here
