import sys
sys.path.insert(0, sys.path[0] + "/imp_mods")
print("before")
import imp_raises
print("not reached")
