import sys
sys.path.insert(0, sys.path[0] + "/pkgs")
print("importing")
import broken_mod
